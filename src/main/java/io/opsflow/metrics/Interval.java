package io.opsflow.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import io.opsflow.kernel.domain.Coded;

/** The length of one point of a series. Days, weeks (from Monday) and months start at midnight UTC. */
public enum Interval implements Coded {
  DAY("day"),
  WEEK("week"),
  MONTH("month");

  private final String code;

  Interval(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The start of the interval that holds this moment. */
  public Instant startOf(Instant moment) {
    ZonedDateTime day = moment.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    return switch (this) {
      case DAY -> day.toInstant();
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
      case MONTH -> day.withDayOfMonth(1).toInstant();
    };
  }

  /** The start of the next interval, for a moment that starts one. */
  public Instant after(Instant start) {
    ZonedDateTime at = start.atZone(ZoneOffset.UTC);
    return switch (this) {
      case DAY -> at.plusDays(1).toInstant();
      case WEEK -> at.plusWeeks(1).toInstant();
      case MONTH -> at.plusMonths(1).toInstant();
    };
  }

  /** The fixed length in seconds of days and weeks, which the database divides by (months are counted). */
  public long seconds() {
    return switch (this) {
      case DAY -> 86_400;
      case WEEK -> 7 * 86_400;
      case MONTH -> 0;
    };
  }
}
