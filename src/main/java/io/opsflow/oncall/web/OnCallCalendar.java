package io.opsflow.oncall.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Reader;
import io.opsflow.oncall.Schedule;
import io.opsflow.oncall.Shift;

/**
 * A schedule's shifts as an RFC 5545 iCalendar, small enough to write by hand: CRLF after every line,
 * lines folded at 75 octets without splitting a UTF-8 character, text escaped, times in UTC. The UID
 * of a shift is made of the schedule, its start and the person, so a calendar that subscribes keeps
 * the same event across exports and replaces it when the person changes. Its names are in the
 * reader's language.
 */
final class OnCallCalendar {

  static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Phrases PHRASES = Phrases.of("oncall");
  private static final int LINE_OCTETS = 75;

  private OnCallCalendar() {
  }

  /**
   * @param names the name to show for a user id
   * @param stamp when the calendar was made (DTSTAMP)
   * @param reader whom the calendar's names are written for
   */
  static byte[] write(Schedule schedule, List<Shift> shifts, Function<String, String> names, Instant stamp,
      Reader reader) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//OpsFlow//On call//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(PHRASES.say(reader, "calendar.name", "schedule", schedule.name())));
    for (Shift shift : shifts) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + schedule.id() + "-" + UTC.format(shift.from()) + "-" + shift.userId() + "@opsflow");
      line(out, "DTSTAMP:" + UTC.format(stamp));
      line(out, "DTSTART:" + UTC.format(shift.from()));
      line(out, "DTEND:" + UTC.format(shift.to()));
      line(out, "SUMMARY:" + text(PHRASES.say(reader, "calendar.shift", "person", names.apply(shift.userId()),
          "schedule", schedule.name())));
      line(out, "TRANSP:TRANSPARENT");
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toByteArray();
  }

  /** TEXT as RFC 5545 3.3.11 escapes it; other control characters have no place in a summary. */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder();
    value.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case ';' -> escaped.append("\\;");
        case ',' -> escaped.append("\\,");
        case '\n' -> escaped.append("\\n");
        default -> {
          if (!Character.isISOControl(c)) {
            escaped.appendCodePoint(c);
          }
        }
      }
    });
    return escaped.toString();
  }

  /** One content line, folded (RFC 5545 3.1): no line longer than 75 octets, continuations begin with a space. */
  private static void line(ByteArrayOutputStream out, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    int start = 0;
    int room = LINE_OCTETS;
    while (bytes.length - start > room) {
      int end = start + room;
      while ((bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      out.write(bytes, start, end - start);
      out.writeBytes(new byte[] {'\r', '\n', ' '});
      start = end;
      room = LINE_OCTETS - 1;
    }
    out.write(bytes, start, bytes.length - start);
    out.writeBytes(new byte[] {'\r', '\n'});
  }
}
