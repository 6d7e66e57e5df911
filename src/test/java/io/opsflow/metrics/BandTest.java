package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The edges of the DORA levels (2024 report, as Band reads them), each on both sides. */
class BandTest {

  static final double HOUR = 3600;
  static final double DAY = 86_400;

  @Test
  void deploymentFrequencyIsEliteOnlyAboveOnceADay() {
    assertThat(Band.ofDeploymentFrequency(1.01)).isEqualTo(Band.ELITE);
    assertThat(Band.ofDeploymentFrequency(1)).isEqualTo(Band.HIGH);
    assertThat(Band.ofDeploymentFrequency(1.0 / 7)).isEqualTo(Band.HIGH);
    assertThat(Band.ofDeploymentFrequency(0.99 / 7)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofDeploymentFrequency(1.0 / 30)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofDeploymentFrequency(0.99 / 30)).isEqualTo(Band.LOW);
    assertThat(Band.ofDeploymentFrequency(0)).isEqualTo(Band.LOW);
  }

  @Test
  void changeLeadTimeIsEliteUnderADay() {
    assertThat(Band.ofChangeLeadTime(DAY - 1)).isEqualTo(Band.ELITE);
    assertThat(Band.ofChangeLeadTime(DAY)).isEqualTo(Band.HIGH);
    assertThat(Band.ofChangeLeadTime(7 * DAY)).isEqualTo(Band.HIGH);
    assertThat(Band.ofChangeLeadTime(7 * DAY + 1)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofChangeLeadTime(30 * DAY)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofChangeLeadTime(30 * DAY + 1)).isEqualTo(Band.LOW);
  }

  @Test
  void changeFailRateTakesTheClustersRatesInOrder() {
    assertThat(Band.ofChangeFailRate(0)).isEqualTo(Band.ELITE);
    assertThat(Band.ofChangeFailRate(0.05)).isEqualTo(Band.ELITE);
    assertThat(Band.ofChangeFailRate(0.051)).isEqualTo(Band.HIGH);
    assertThat(Band.ofChangeFailRate(0.20)).isEqualTo(Band.HIGH);
    assertThat(Band.ofChangeFailRate(0.201)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofChangeFailRate(0.40)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofChangeFailRate(0.401)).isEqualTo(Band.LOW);
  }

  @Test
  void recoveryTimeIsHighUnderADayAndLowFromAWeek() {
    assertThat(Band.ofFailedDeploymentRecoveryTime(HOUR - 1)).isEqualTo(Band.ELITE);
    assertThat(Band.ofFailedDeploymentRecoveryTime(HOUR)).isEqualTo(Band.HIGH);
    assertThat(Band.ofFailedDeploymentRecoveryTime(DAY - 1)).isEqualTo(Band.HIGH);
    assertThat(Band.ofFailedDeploymentRecoveryTime(DAY)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofFailedDeploymentRecoveryTime(7 * DAY - 1)).isEqualTo(Band.MEDIUM);
    assertThat(Band.ofFailedDeploymentRecoveryTime(7 * DAY)).isEqualTo(Band.LOW);
  }
}
