package io.opsflow.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time the figures cover, [from, to), and the interval of their series. The series' first and
 * last points are cut to the period: a week series from a Wednesday starts with Wednesday to Monday.
 */
public record Period(Instant from, Instant to, Interval interval) {

  public Period {
    if (from == null || to == null || interval == null || !from.isBefore(to)) {
      throw new IllegalArgumentException("a period needs from before to and an interval");
    }
  }

  /** One point of the series: its place in the series and the time it covers. */
  public record Bucket(int index, Instant start, Instant end) {

    public double days() {
      return Duration.between(start, end).toMillis() / 86_400_000.0;
    }
  }

  /** Where the first interval starts (at or before {@code from}); the database numbers intervals from here. */
  public Instant alignedStart() {
    return interval.startOf(from);
  }

  public List<Bucket> buckets() {
    List<Bucket> buckets = new ArrayList<>();
    Instant start = alignedStart();
    for (int index = 0; start.isBefore(to); index++) {
      Instant next = interval.after(start);
      buckets.add(new Bucket(index, start.isBefore(from) ? from : start, next.isAfter(to) ? to : next));
      start = next;
    }
    return buckets;
  }

  public double days() {
    return new Bucket(0, from, to).days();
  }
}
