package io.opsflow.kernel.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What an installation speaks and what clock its people read: {@code opsflow.language} ({@code en},
 * the default, or {@code zh-CN}) for what OpsFlow says where no reader's browser chooses (task names,
 * forms, notifications), and {@code opsflow.time-zone} (an IANA zone such as {@code Asia/Shanghai};
 * UTC by default) for the times it writes, on a 24-hour clock. Anything else stops the start-up with
 * a message that says what is allowed.
 */
@ConfigurationProperties("opsflow")
public record Installation(String language, String timeZone) {

  public Installation {
    language = language == null || language.isBlank() ? "en" : language.strip();
    if (!language.equals("en") && !language.equals("zh-CN")) {
      throw new IllegalArgumentException("opsflow.language must be en or zh-CN, not " + language);
    }
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("opsflow.time-zone must be an IANA time zone such as Asia/Shanghai or UTC, not "
          + timeZone, e);
    }
  }

  /** Whether the installation speaks Chinese. */
  public boolean chinese() {
    return language.equals("zh-CN");
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  public ZoneId zone() {
    return timeZone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(timeZone);
  }

  /** The text in the installation's language. */
  public String say(String english, String chinese) {
    return chinese() ? chinese : english;
  }

  /** The installation's language: where no reader chooses, OpsFlow speaks it. */
  public Language spoken() {
    return chinese() ? Language.ZH : Language.EN;
  }

  /** A time as people read it, in the installation's zone ({@link Texts#time}). */
  public String time(Instant instant) {
    return Texts.time(zone()).format(instant);
  }

  /** Whom OpsFlow writes for when no one in particular reads: the installation's language and zone. */
  public Reader reader() {
    return reader(spoken());
  }

  /** A reader of the given language on the installation's clock. */
  public Reader reader(Language language) {
    return new Reader(language, zone());
  }

  /** The language the request's reader chose (cookie, then browser), else the installation's. */
  public Language languageOf(HttpServletRequest request) {
    return Language.of(request, spoken());
  }
}
