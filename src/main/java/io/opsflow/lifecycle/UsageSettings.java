package io.opsflow.lifecycle;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How usage facts are read.
 *
 * @param dropThreshold a feature whose daily uses after a release are lower than before by more than this share
 *     (0.30 = 30 %) is flagged
 * @param rarelyUsedShare a feature used by fewer than this share of the service's active users is flagged
 * @param releaseWindowDays the days before and after a release's day that are compared
 * @param zone the zone whose calendar days the facts count (a release's day is taken in it)
 */
@ConfigurationProperties("opsflow.usage")
public record UsageSettings(Double dropThreshold, Double rarelyUsedShare, Integer releaseWindowDays, ZoneId zone) {

  public UsageSettings {
    dropThreshold = dropThreshold == null ? 0.30 : dropThreshold;
    rarelyUsedShare = rarelyUsedShare == null ? 0.05 : rarelyUsedShare;
    releaseWindowDays = releaseWindowDays == null ? 7 : releaseWindowDays;
    zone = zone == null ? ZoneId.of("UTC") : zone;
    if (dropThreshold <= 0 || dropThreshold >= 1 || rarelyUsedShare <= 0 || rarelyUsedShare >= 1) {
      throw new IllegalArgumentException("opsflow.usage.drop-threshold and rarely-used-share must be between 0 and 1"
          + " (0.30 is 30 %)");
    }
    if (releaseWindowDays < 1 || releaseWindowDays > 90) {
      throw new IllegalArgumentException("opsflow.usage.release-window-days must be 1-90");
    }
  }
}
