package io.opsflow.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A service's usage over [from, to] (calendar days, both included), per feature: figures, daily
 * trend, share of the service's active users, and flags. Shares and changes are fractions (0.25 = 25 %).
 *
 * @param activeUsers the service's active users per day reported
 * @param releases the versions deployed in the period, which the features' {@code afterReleases} compare around
 * @param features the most used first
 */
public record UsageReport(String service, LocalDate from, LocalDate to, Thresholds thresholds,
    List<ServiceDay> activeUsers, List<ReleaseRef> releases, List<FeatureUsage> features) {

  public record Thresholds(double dropAfterRelease, double rarelyUsedShare, int releaseWindowDays) {
  }

  public record ServiceDay(LocalDate day, long activeUsers) {
  }

  public record ReleaseRef(String changeKey, String version, Instant deployedAt) {
  }

  /**
   * @param averageActiveUsers its active users per day reported
   * @param uses all uses in the period
   * @param share its active users over the service's, on the days both were reported; null without them
   * @param change the trend: average daily uses in the second half of its days against the first half; null
   *     with fewer than two days
   * @param trend per day
   */
  public record FeatureUsage(String feature, double averageActiveUsers, long uses, Double share, Double change,
      List<FeatureDay> trend, List<AfterRelease> afterReleases, List<UsageFlag> flags) {
  }

  /** @param share the feature's active users over the service's that day; null without the service's figure */
  public record FeatureDay(LocalDate day, long activeUsers, long uses, Double share, Integer medianSecondsSpent) {
  }

  /**
   * The feature's average daily uses in the window before the release's day against the window after it.
   *
   * @param change (after - before) / before; null when a side has no days or nothing was used before
   * @param fell whether it fell by more than the drop threshold
   */
  public record AfterRelease(String changeKey, String version, Instant deployedAt, Double usesBefore,
      Double usesAfter, Double change, boolean fell) {
  }
}
