package io.opsflow.feedback;

import java.time.Instant;

import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Reader;
import io.opsflow.kernel.text.Texts;

/**
 * What the feedback module writes for people — the spike incident, its timeline entry, the samples a
 * triage form shows — in the reader's language, from {@code texts/feedback_*.properties}.
 */
public final class FeedbackTexts {

  private static final Phrases PHRASES = Phrases.of("feedback");

  private FeedbackTexts() {
  }

  /** {@link Phrases#say} with the feedback module's texts. */
  public static String say(Reader reader, String key, Object... namesAndValues) {
    return PHRASES.say(reader, key, namesAndValues);
  }

  /** One feedback item as a line of a list: its id, sentiment (if given), channel, rating, time and text cut to {@code characters}. */
  public static String sample(Reader reader, long id, Sentiment sentiment, Channel channel, Integer rating,
      Instant at, String text, int characters) {
    return say(reader, "sample", "id", id, "sentiment", sentiment, "channel", channel.code(), "rating", rating, "at", at,
        "text", Texts.clip(text.replaceAll("\\s+", " "), characters));
  }
}
