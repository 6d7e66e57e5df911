package io.opsflow.feedback;

import io.opsflow.kernel.domain.Coded;

/** How the user feels, by the score: negative below -0.05, positive above 0.05 (VADER's usual bounds). */
public enum Sentiment implements Coded {
  POSITIVE("positive"),
  NEUTRAL("neutral"),
  NEGATIVE("negative");

  /** Scores within this distance of 0 are neutral. */
  public static final double NEUTRAL_BAND = 0.05;

  private final String code;

  Sentiment(String code) {
    this.code = code;
  }

  public static Sentiment of(double score) {
    if (score >= NEUTRAL_BAND) {
      return POSITIVE;
    }
    return score <= -NEUTRAL_BAND ? NEGATIVE : NEUTRAL;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case POSITIVE -> "正面";
      case NEUTRAL -> "中性";
      case NEGATIVE -> "负面";
    };
  }
}
