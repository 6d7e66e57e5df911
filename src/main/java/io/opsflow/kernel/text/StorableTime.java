package io.opsflow.kernel.text;

import java.time.Instant;

/**
 * The times OpsFlow can store. MySQL's DATETIME ends with the year 9999, and the driver writes
 * times in the server's zone, so the last day is left out; nothing OpsFlow plans or records lies
 * before 1970. java.time parses years up to ±999,999,999, so every time from outside is checked.
 */
public final class StorableTime {

  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");
  public static final String RANGE = "from " + EARLIEST + " to " + LATEST;

  private StorableTime() {
  }

  public static boolean storable(Instant time) {
    return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
  }
}
