package io.opsflow.notify.outbox;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who gets what: notices of {@code event}, narrowed by service, group and priority, go to the
 * listed channels. A missing service or group means any; a missing minPriority means any notice,
 * with or without a priority.
 *
 * @param minPriority {@code P1} (only the most urgent) to {@code P4}; a notice without a priority
 *     does not match a rule that names one
 */
public record RuleDraft(
    @NotBlank @Size(max = 40) String event,
    @Size(max = 64) String service,
    @Size(max = 64) String group,
    @Pattern(regexp = "P[1-4]", message = "must be P1, P2, P3 or P4") String minPriority,
    @NotEmpty @Size(max = 50) List<@NotNull Long> channels) {
}
