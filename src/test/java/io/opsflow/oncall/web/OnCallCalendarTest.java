package io.opsflow.oncall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Reader;
import io.opsflow.oncall.Schedule;
import io.opsflow.oncall.Shift;

class OnCallCalendarTest {

  private static final Schedule SCHEDULE = new Schedule("3f1c2a9e-0000-4000-8000-000000000001",
      "运维值班 🚨 payments; night, weekend", "ops", List.of("olivia", "oscar"), "weekly", "09:00", "Asia/Shanghai",
      LocalDate.parse("2026-11-30"), Instant.EPOCH, Instant.EPOCH);
  private static final Reader ENGLISH = new Installation("en", "UTC").reader();
  private static final Map<String, String> NAMES = Map.of("olivia", "李雷 Olivia", "oscar", "Oscar");
  private static final List<Shift> SHIFTS = List.of(
      new Shift("olivia", Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-12-07T01:00:00Z")),
      new Shift("oscar", Instant.parse("2026-12-07T01:00:00Z"), Instant.parse("2026-12-14T01:00:00Z")));

  private static byte[] calendar() {
    return OnCallCalendar.write(SCHEDULE, SHIFTS, NAMES::get, Instant.parse("2026-11-27T10:15:30Z"), ENGLISH);
  }

  /** The content lines after unfolding (RFC 5545 3.1): CRLF followed by one space or tab is removed. */
  private static List<String> unfolded(String text) {
    List<String> lines = new ArrayList<>();
    for (String physical : text.split("\r\n", -1)) {
      if (!physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t')) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
      } else {
        lines.add(physical);
      }
    }
    assertThat(lines.remove(lines.size() - 1)).as("the calendar ends with CRLF").isEmpty();
    return lines;
  }

  @Test
  void everyLineEndsInCrlfAndNoneIsLongerThan75Octets() throws Exception {
    byte[] bytes = calendar();
    String text = new String(bytes, StandardCharsets.UTF_8);

    assertThat(text).endsWith("END:VCALENDAR\r\n");
    assertThat(text.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r").doesNotContain("\n");
    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(text).as("the long summary was folded").contains("\r\n ");
    assertThat(StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString()).as("folding never splits a character: the bytes decode strictly").isEqualTo(text);
  }

  @Test
  void unfoldedLinesNameEachShiftInUtcWithAStableUid() {
    List<String> lines = unfolded(new String(calendar(), StandardCharsets.UTF_8));

    assertThat(lines.subList(0, 2)).containsExactly("BEGIN:VCALENDAR", "VERSION:2.0");
    assertThat(lines).contains("PRODID:-//OpsFlow//On call//EN", "END:VCALENDAR");
    assertThat(lines.stream().filter("BEGIN:VEVENT"::equals)).hasSize(2);
    int first = lines.indexOf("BEGIN:VEVENT");
    assertThat(lines.subList(first, first + 8)).containsExactly(
        "BEGIN:VEVENT",
        "UID:3f1c2a9e-0000-4000-8000-000000000001-20261130T010000Z-olivia@opsflow",
        "DTSTAMP:20261127T101530Z",
        "DTSTART:20261130T010000Z",
        "DTEND:20261207T010000Z",
        "SUMMARY:On call: 李雷 Olivia (运维值班 🚨 payments\\; night\\, weekend)",
        "TRANSP:TRANSPARENT",
        "END:VEVENT");
    assertThat(lines).contains("DTSTART:20261207T010000Z", "SUMMARY:On call: Oscar (运维值班 🚨 payments\\; night\\, weekend)");
    assertThat(unfolded(new String(calendar(), StandardCharsets.UTF_8))).as("the same shifts give the same calendar")
        .isEqualTo(lines);
  }

  @Test
  void aChineseReaderReadsTheCalendarAndItsShiftsInChinese() {
    Reader chinese = new Installation("zh-CN", "Asia/Shanghai").reader();
    List<String> lines = unfolded(new String(OnCallCalendar.write(SCHEDULE, SHIFTS, NAMES::get,
        Instant.parse("2026-11-27T10:15:30Z"), chinese), StandardCharsets.UTF_8));

    assertThat(lines).contains("X-WR-CALNAME:值班：运维值班 🚨 payments\\; night\\, weekend",
        "SUMMARY:值班：李雷 Olivia（运维值班 🚨 payments\\; night\\, weekend）",
        "DTSTART:20261130T010000Z");
  }

  @Test
  void textIsEscapedAndControlCharactersDropped() {
    assertThat(OnCallCalendar.text("a\\b;c,d\ne\u0007f")).isEqualTo("a\\\\b\\;c\\,d\\ne" + "f");
  }

  @Test
  void aLineOfFourByteCharactersFoldsBetweenThem() {
    String emoji = "🚨".repeat(60);
    Schedule loud = new Schedule("s", emoji, "ops", List.of("olivia"), "daily", "09:00", "UTC",
        LocalDate.parse("2026-11-30"), Instant.EPOCH, Instant.EPOCH);
    String text = new String(OnCallCalendar.write(loud, List.of(), NAMES::get, Instant.EPOCH, ENGLISH), StandardCharsets.UTF_8);

    String[] physical = text.split("\r\n");
    assertThat(Arrays.stream(physical).filter(line -> line.startsWith(" "))).isNotEmpty();
    Arrays.stream(physical).forEach(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    assertThat(unfolded(text)).contains("X-WR-CALNAME:On call: " + emoji);
  }
}
