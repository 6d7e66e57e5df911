package io.opsflow.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.domain.Coded;

class InstallationTest {

  private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-28T16:30:00Z");

  @Test
  void timesAreOnTheInstallationsClockWithTheOffsetShown() {
    assertThat(new Installation("zh-CN", "Asia/Shanghai").time(LATE_EVENING_UTC))
        .as("24-hour clock, the next day in Shanghai").isEqualTo("2026-11-29 00:30 UTC+08:00");
    assertThat(new Installation("en", null).time(LATE_EVENING_UTC)).isEqualTo("2026-11-28 16:30 UTC");
  }

  @Test
  void theOffsetFollowsSummerTime() {
    Installation berlin = new Installation("en", "Europe/Berlin");

    assertThat(berlin.time(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo("2026-07-01 14:00 UTC+02:00");
    assertThat(berlin.time(Instant.parse("2026-12-01T12:00:00Z"))).isEqualTo("2026-12-01 13:00 UTC+01:00");
  }

  @Test
  void aReaderHasTheirLanguageAndTheInstallationsClock() {
    Reader reader = new Installation("en", "Asia/Shanghai").reader(Language.ZH);

    assertThat(reader.say("State", "状态")).isEqualTo("状态");
    assertThat(reader.time(LATE_EVENING_UTC)).isEqualTo("2026-11-29 00:30 UTC+08:00");
    assertThat(reader.time(null)).isEqualTo("-");
    assertThat(new Installation("zh-CN", "UTC").reader().language()).isEqualTo(Language.ZH);
  }

  @Test
  void aCodedValueReadsInTheReadersLanguage() {
    Coded open = new Coded() {
      @Override
      public String code() {
        return "open";
      }

      @Override
      public String chinese() {
        return "已创建";
      }
    };
    Coded plain = () -> "P1";

    assertThat(new Reader(Language.ZH, ZoneOffset.UTC).name(open)).isEqualTo("已创建");
    assertThat(new Reader(Language.EN, ZoneOffset.UTC).name(open)).isEqualTo("open");
    assertThat(new Reader(Language.ZH, ZoneOffset.UTC).name(plain)).isEqualTo("P1");
    assertThat(new Reader(Language.ZH, ZoneOffset.UTC).name(null)).isNull();
  }

  @Test
  void anUnknownLanguageOrZoneStopsTheStart() {
    assertThatThrownBy(() -> new Installation("fr", "UTC")).hasMessageContaining("en or zh-CN");
    assertThatThrownBy(() -> new Installation("en", "Mars/Olympus")).hasMessageContaining("IANA");
  }
}
