package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Nearest-rank medians and 90th percentiles, per interval and for the whole period, worked out by hand. */
class DurationsTest {

  @Test
  void theValueAtRankCeilingOfPTimesN() {
    long[] ten = LongStream.rangeClosed(1, 10).toArray();
    long[] eleven = LongStream.rangeClosed(1, 11).toArray();
    long[] twenty = LongStream.rangeClosed(1, 20).toArray();

    assertThat(Durations.nearestRank(new long[] {7}, 50)).isEqualTo(7);
    assertThat(Durations.nearestRank(new long[] {7}, 90)).isEqualTo(7);
    // ranks 5 and 9 of 10; 6 and 10 (ceil 9.9) of 11; 10 and 18 of 20
    assertThat(Durations.nearestRank(ten, 50)).isEqualTo(5);
    assertThat(Durations.nearestRank(ten, 90)).isEqualTo(9);
    assertThat(Durations.nearestRank(eleven, 50)).isEqualTo(6);
    assertThat(Durations.nearestRank(eleven, 90)).isEqualTo(10);
    assertThat(Durations.nearestRank(twenty, 50)).isEqualTo(10);
    assertThat(Durations.nearestRank(twenty, 90)).isEqualTo(18);
  }

  @Test
  void perIntervalAndForTheWholePeriodWithoutTheUnmeasured() {
    Durations durations = new Durations();
    durations.add(0, 30L);
    durations.add(0, 10L);
    durations.add(1, 20L);
    durations.add(1, null);

    // interval 0: 10, 30 (median rank 1, p90 rank 2); interval 1: 20; the period: 10, 20, 30
    assertThat(durations.of(0)).isEqualTo(Figure.duration(10L, 30L, 2));
    assertThat(durations.of(1)).isEqualTo(Figure.duration(20L, 20L, 1));
    assertThat(durations.of(2)).isEqualTo(Figure.duration(null, null, 0));
    assertThat(durations.whole()).isEqualTo(Figure.duration(20L, 30L, 3));
    assertThat(new Durations().whole()).isEqualTo(Figure.duration(null, null, 0));
  }
}
