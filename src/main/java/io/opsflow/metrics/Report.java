package io.opsflow.metrics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Figures over a period, and the same figures per interval of it.
 *
 * @param services the services covered; absent when all are (with incidents that name none)
 */
public record Report<T>(Instant from, Instant to, Interval interval, List<String> services,
    @JsonUnwrapped T figures, List<Point<T>> series) {

  public record Point<T>(Instant start, Instant end, @JsonUnwrapped T figures) {
  }
}
