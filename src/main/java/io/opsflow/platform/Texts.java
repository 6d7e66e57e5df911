package io.opsflow.platform;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How OpsFlow writes times and long texts into timelines, task forms and reports. */
public final class Texts {

  /** Times as people read them in timelines, forms and reports: minutes, always UTC. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private Texts() {
  }

  /** The text cut to {@code max} characters (ending in "...") so it fits its column. */
  public static String clip(String text, int max) {
    return text.length() > max ? text.substring(0, max - 3) + "..." : text;
  }
}
