package io.opsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The closed-loop load's counting, with operations whose time is known. */
class LoadTest {

  @Test
  void countsOnlyTheOperationsThatFinishInTheMeasuredWindow() throws Exception {
    Load.Throughput run = Load.closed(2, Duration.ofMillis(100), Duration.ofMillis(400), (client, sequence) -> {
      Thread.sleep(20);
      return sequence % 5 != 0;
    }, null);

    assertThat(run.seconds()).isBetween(0.4, 0.45);
    // 2 clients × 400 ms ÷ 20 ms ≈ 40 operations, one in five failing; sleeps overrun on a busy machine
    assertThat(run.operations() + run.failures()).isBetween(10L, 42L);
    assertThat(run.failures()).isPositive();
    assertThat(run.perSecond()).isEqualTo(run.operations() / run.seconds());
  }

  @Test
  void aWindowInWhichNothingFinishedIsStretchedToTheFirstOperation() throws Exception {
    Load.Throughput run = Load.closed(1, Duration.ofMillis(50), Duration.ofMillis(100), (client, sequence) -> {
      Thread.sleep(600);
      return true;
    }, null);

    assertThat(run.operations()).isEqualTo(1);
    assertThat(run.seconds()).isGreaterThan(0.5);
    assertThat(run.perSecond()).isPositive().isLessThan(2.0);
  }
}
