package io.opsflow.metrics;

import io.opsflow.kernel.domain.Coded;

/**
 * A DORA performance level, by the software delivery performance levels of the 2024 Accelerate State
 * of DevOps Report (DORA, https://dora.dev/research/2024/dora-report/, the table "software delivery
 * performance levels": elite 19 %, high 22 %, medium 35 %, low 25 % of respondents). It is the latest
 * DORA report that publishes levels: the 2025 report (State of AI-assisted Software Development,
 * https://dora.dev/research/2025/dora-report/) gives each metric's distribution of answers and seven
 * team profiles instead. The report's levels are clusters of answers, each a range of a survey's
 * choices (a typical value for the change fail rate), so some edges below are OpsFlow's reading of
 * them; each method says the report's words and the reading. The deployment rework rate (introduced in
 * 2024, https://dora.dev/guides/dora-metrics-four-keys/) has no level in either report, so no band.
 * Each figure's edges are here and nowhere else; the README's "Operations figures" table lists them.
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

  /**
   * Report: elite "on demand (multiple deploys per day)", high "between once per day and once per
   * week", medium "between once per week and once per month", low "between once per month and once
   * every six months". Here: more than once a day; at least once a week; at least once in 30 days; less.
   */
  public static Band ofDeploymentFrequency(double perDay) {
    return perDay > 1 ? ELITE : perDay >= 1.0 / 7 ? HIGH : perDay >= 1.0 / 30 ? MEDIUM : LOW;
  }

  /**
   * Report: elite "less than one day", high "between one day and one week", medium "between one week
   * and one month", low "between one month and six months". Here: under a day; up to 7 days; up to 30
   * days; longer.
   */
  public static Band ofChangeLeadTime(double seconds) {
    return seconds < DAY ? ELITE : seconds <= 7 * DAY ? HIGH : seconds <= 30 * DAY ? MEDIUM : LOW;
  }

  /**
   * Report: elite 5 %, high 20 %, medium 10 %, low 40 % (each cluster's typical rate: its medium
   * cluster fails less often than its high one, and deploys far less). A band by the rate alone must
   * keep the levels in order, so here: elite up to 5 %, high up to 20 %, medium up to 40 %, low above.
   */
  public static Band ofChangeFailRate(double ratio) {
    return ratio <= 0.05 ? ELITE : ratio <= 0.20 ? HIGH : ratio <= 0.40 ? MEDIUM : LOW;
  }

  /**
   * Report: elite "less than one hour", high "less than one day", medium "less than one day" (the
   * same answer as high), low "between one week and one month". Here: under an hour; under a day
   * (high: by recovery time alone the report does not tell high from medium, and high is the better);
   * under a week (medium: between the report's medium and low, which no level's answer covers); a week
   * or more.
   */
  public static Band ofFailedDeploymentRecoveryTime(double seconds) {
    return seconds < DAY / 24 ? ELITE : seconds < DAY ? HIGH : seconds < 7 * DAY ? MEDIUM : LOW;
  }
}
