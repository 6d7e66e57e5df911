package io.opsflow.lifecycle;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an analytics job sends: per service and day, the service's active users and each feature's
 * figures. Aggregates only: a user's own data has no field here (and an unknown field is refused).
 */
public record UsageBatch(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Day> days) {

  static final String DAY_PATTERN = "\\d{4}-\\d{2}-\\d{2}";
  static final String DAY_RULE = "must be a date yyyy-MM-dd such as 2026-11-30";

  /**
   * @param activeUsers distinct users of the service that day
   * @param features the features used that day; those not listed keep what an earlier report said
   */
  public record Day(
      @NotBlank @Size(max = 64) String service,
      @NotNull @Pattern(regexp = DAY_PATTERN, message = DAY_RULE) String day,
      @NotNull @Min(0) @Max(10_000_000_000L) Long activeUsers,
      @NotNull @Size(max = 500) List<@NotNull @Valid Feature> features) {
  }

  /**
   * @param activeUsers distinct users of the feature that day, at most the service's
   * @param uses times it was used that day, at least once per active user
   * @param medianSecondsSpent median time a user spent in it that day; null when not measured
   */
  public record Feature(
      @NotBlank @Size(max = 100) String feature,
      @NotNull @Min(0) @Max(10_000_000_000L) Long activeUsers,
      @NotNull @Min(0) @Max(1_000_000_000_000L) Long uses,
      @Min(0) @Max(86_400) Integer medianSecondsSpent) {
  }
}
