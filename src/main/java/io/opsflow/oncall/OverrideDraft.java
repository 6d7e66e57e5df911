package io.opsflow.oncall;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Someone on call instead of the rotation; {@code to} lies after {@code from}, at most 90 days later. */
public record OverrideDraft(@NotBlank @Size(max = 64) String userId, @NotNull OffsetDateTime from,
    @NotNull OffsetDateTime to) {
}
