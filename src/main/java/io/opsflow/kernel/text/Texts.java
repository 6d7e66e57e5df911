package io.opsflow.kernel.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Properties;

/** How OpsFlow writes times and long texts into timelines, task forms and reports. */
public final class Texts {

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm 'UTC'")
      .appendOffset("+HH:MM", "").toFormatter(Locale.ROOT);

  /**
   * How people read times in timelines, notifications, task texts and reports: to the minute, on a
   * 24-hour clock, in the installation's zone, and with the zone's offset from UTC written out
   * ({@code 2026-11-28 09:30 UTC+08:00}; {@code 2026-11-28 01:30 UTC} in UTC). An offset, not a zone
   * abbreviation: "CST" is China's, the US Central's and Cuba's, and the offset shows the summer time
   * of zones that keep one. The same in Chinese and English, so a time copied from a message stays
   * one time.
   */
  public static DateTimeFormatter time(ZoneId zone) {
    return TIME.withZone(zone);
  }

  /** The most characters a text process variable holds: Camunda keeps it in a VARCHAR(4000) column. */
  public static final int VARIABLE_MAX = 4000;

  /**
   * The most characters OpsFlow puts into one of its own TEXT columns: MySQL's TEXT holds 65,535
   * bytes, and a character takes up to four in utf8mb4.
   */
  public static final int TEXT_COLUMN_MAX = 16_000;

  private Texts() {
  }

  /** A properties file of texts on the classpath, read as UTF-8 (Chinese written as it is, not escaped). */
  public static Properties properties(String resource) {
    try (InputStream in = Texts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }

  /** The text cut to {@code max} characters (ending in "...") so it fits its column. */
  public static String clip(String text, int max) {
    return text.length() > max ? head(text, max - 3) + "..." : text;
  }

  /**
   * Text for a process variable: whole when it fits, else cut to {@value #VARIABLE_MAX} characters
   * ending in a note, in the text's language, that it was clipped and where the whole text is.
   *
   * @param wholeTextAt where to read it all, e.g. {@code GET /api/incidents/INC-2026-0042}
   */
  public static String forVariable(String text, String wholeTextAt, Language language) {
    if (text == null || text.length() <= VARIABLE_MAX) {
      return text;
    }
    String note = language.say(" … (clipped; the whole text: " + wholeTextAt + ")",
        " …（已截断，完整内容：" + wholeTextAt + "）");
    return head(text, VARIABLE_MAX - note.length()) + note;
  }

  /** The first {@code length} characters, one fewer when the cut would split a surrogate pair (an emoji). */
  private static String head(String text, int length) {
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
