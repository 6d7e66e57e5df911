package io.opsflow.kernel.text;

import java.time.Instant;
import java.time.ZoneId;

import io.opsflow.kernel.domain.Coded;

/**
 * Whom OpsFlow writes a text for: their language and the installation's clock. Reports and pages are
 * written for one reader (the browser's language); messages, timelines and task texts for the
 * installation's ({@link Installation#reader()}).
 */
public record Reader(Language language, ZoneId zone) {

  /** The text in the reader's language. */
  public String say(String english, String chinese) {
    return language.say(english, chinese);
  }

  public boolean chinese() {
    return language == Language.ZH;
  }

  /** A coded value (a state, a type, a level) in the reader's language; null for none. */
  public String name(Coded value) {
    return value == null ? null : language.say(value.code(), value.chinese());
  }

  /** A time as people read it ({@link Texts#time}); "-" for none. */
  public String time(Instant instant) {
    return instant == null ? "-" : Texts.time(zone).format(instant);
  }
}
