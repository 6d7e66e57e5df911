package io.opsflow.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Durations in seconds gathered per interval of a series and for the whole period, and their median
 * and 90th percentile by nearest rank: the value at rank ceil(p × n) of the n sorted values. The
 * database hands the durations over unsorted (a period's 12,000 incidents are a few milliseconds of
 * rows); ranking them there took four window sorts of the period's rows.
 */
final class Durations {

  private final Map<Long, Values> byBucket = new HashMap<>();
  private final Values all = new Values();

  /** Adds a measured duration of this interval (nothing when it was not measured: null). */
  void add(long bucket, Long seconds) {
    if (seconds != null) {
      byBucket.computeIfAbsent(bucket, b -> new Values()).add(seconds);
      all.add(seconds);
    }
  }

  /** Median and p90 of one interval's durations. */
  Figure of(long bucket) {
    Values values = byBucket.get(bucket);
    return values == null ? Figure.duration(null, null, 0) : values.figure();
  }

  /** Median and p90 of all the durations of the period. */
  Figure whole() {
    return all.figure();
  }

  /** The value at rank ceil(percent × n / 100) of n sorted values, in integers (no rounding of 0.9 × n). */
  static long nearestRank(long[] sorted, int percent) {
    return sorted[(int) ((percent * (long) sorted.length + 99) / 100) - 1];
  }

  private static final class Values {

    private long[] values = new long[16];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    Figure figure() {
      if (size == 0) {
        return Figure.duration(null, null, 0);
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return Figure.duration(nearestRank(sorted, 50), nearestRank(sorted, 90), size);
    }
  }
}
