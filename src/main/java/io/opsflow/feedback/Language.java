package io.opsflow.feedback;

import io.opsflow.kernel.domain.Coded;

/**
 * The language of a text, by the share of its Chinese characters among its letters: {@code mixed}
 * when neither Chinese nor English clearly dominates, {@code other} when it has no letters of either
 * (only emoji, digits or another script).
 */
public enum Language implements Coded {
  ZH("zh"),
  EN("en"),
  MIXED("mixed"),
  OTHER("other");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
