package io.opsflow.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure: its value (null when nothing was measured), the unit, the DORA band (delivery figures
 * only), the 90th percentile (durations only) and how many things it counts or is taken over.
 */
public record Figure(@JsonInclude(JsonInclude.Include.ALWAYS) Double value, String unit, Band band, Double p90,
    long count) {

  public static final String SECONDS = "seconds";
  public static final String RATIO = "ratio";
  public static final String PER_DAY = "per day";

  public static Figure number(long value, String unit) {
    return new Figure((double) value, unit, null, null, value);
  }

  /** {@code part / whole}, or no value when the whole is 0. */
  public static Figure ratio(long part, long whole) {
    return new Figure(whole == 0 ? null : (double) part / whole, RATIO, null, null, whole);
  }

  /** A median with its 90th percentile, in seconds, over {@code count} measured things. */
  public static Figure duration(Long median, Long p90, long count) {
    return new Figure(median == null ? null : median.doubleValue(), SECONDS, null,
        p90 == null ? null : p90.doubleValue(), count);
  }

  /** The same figure with the band its value falls in (none without a value). */
  public Figure banded(java.util.function.DoubleFunction<Band> band) {
    return new Figure(value, unit, value == null ? null : band.apply(value), p90, count);
  }
}
