package io.opsflow.oncall;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a manager sends to create or replace a schedule. Groups, members and the zone are checked
 * against the directory and the zone database by {@link OnCallSettings}.
 *
 * @param members user ids in the order they take turns; each exists, is in {@code group}, and appears once
 * @param handoffTime {@code HH:mm}, 24-hour; {@code 09:00} when left out
 * @param timeZone an IANA zone id such as {@code Asia/Shanghai} or {@code Europe/Berlin}
 * @param start the local date of the first handoff, {@code yyyy-MM-dd}: text, never a number of epoch days
 */
public record ScheduleDraft(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 64) String group,
    @NotEmpty(message = "must name at least one person") @Size(max = 100)
    List<@NotBlank @Size(max = 64) String> members,
    @NotNull @Pattern(regexp = Rotation.PATTERN, message = "must be daily or weekly") String rotation,
    @Pattern(regexp = ScheduleDraft.TIME_PATTERN, message = "must be a 24-hour time HH:mm such as 09:00")
    String handoffTime,
    @NotBlank @Size(max = 64) String timeZone,
    @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date yyyy-MM-dd such as 2026-11-30")
    String start) {

  static final String TIME_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
  static final String DEFAULT_HANDOFF = "09:00";
}
