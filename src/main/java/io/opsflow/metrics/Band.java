package io.opsflow.metrics;

import io.opsflow.kernel.domain.Coded;

/**
 * A DORA performance level, by the thresholds of the 2024 Accelerate State of DevOps Report (the
 * latest DORA report that publishes levels). Each figure's edges are here and nowhere else; the
 * README's "Operations figures" table lists them.
 */
public enum Band implements Coded {
  ELITE("elite"),
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  static final double DAY = 86_400;

  private final String code;

  Band(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Elite: on demand (more than once a day); high: daily to weekly; medium: weekly to monthly; low: less. */
  public static Band ofDeploymentFrequency(double perDay) {
    return perDay > 1 ? ELITE : perDay >= 1.0 / 7 ? HIGH : perDay >= 1.0 / 30 ? MEDIUM : LOW;
  }

  /** Elite: under a day; high: up to a week; medium: up to a month; low: longer. */
  public static Band ofChangeLeadTime(double seconds) {
    return seconds < DAY ? ELITE : seconds <= 7 * DAY ? HIGH : seconds <= 30 * DAY ? MEDIUM : LOW;
  }

  /**
   * Elite up to 5 %, high up to 20 %, medium up to 40 %, low above. The report's clusters have 5, 20,
   * 10 and 40 %: its medium cluster fails less often than its high one (it deploys far less), so a
   * band by rate alone takes the edges in order.
   */
  public static Band ofChangeFailRate(double ratio) {
    return ratio <= 0.05 ? ELITE : ratio <= 0.20 ? HIGH : ratio <= 0.40 ? MEDIUM : LOW;
  }

  /** Elite: under an hour; high: under a day; medium: under a week; low: a week or more. */
  public static Band ofFailedDeploymentRecoveryTime(double seconds) {
    return seconds < DAY / 24 ? ELITE : seconds < DAY ? HIGH : seconds < 7 * DAY ? MEDIUM : LOW;
  }
}
