package io.opsflow.oncall;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The levels of an escalation policy: the first at minute 0, each later one after more minutes.
 * What {@code notify} names (schedule, group, user) must exist.
 */
public record PolicyDraft(@NotEmpty @Size(max = 10) List<@NotNull @Valid LevelDraft> levels) {

  /** {@code notify} is checked by {@link OnCallSettings}, so a refusal names it as the client wrote it. */
  public record LevelDraft(
      @NotNull @Min(0) @Max(value = 1440, message = "must be at most 1440 (a day)") Integer afterMinutes,
      @JsonProperty("notify") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = NOTIFY_PATTERN,
          description = NOTIFY_RULE) String pages) {
  }

  static final Pattern NOTIFY = Pattern.compile(PolicyDraft.NOTIFY_PATTERN);
  static final String NOTIFY_PATTERN = "on-call|next-on-call|(schedule|group|user):[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
  static final String NOTIFY_RULE =
      "must be on-call, next-on-call, schedule:<id>, group:<id> or user:<id>";
}
