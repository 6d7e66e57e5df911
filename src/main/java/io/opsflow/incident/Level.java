package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;

/** How high an incident's impact or urgency is: inputs of the {@code incident-priority} decision. */
public enum Level implements Coded {
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String code;

  Level(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The code, so that a message that names the value reads as it did when it was text. */
  @Override
  public String toString() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case HIGH -> "高";
      case MEDIUM -> "中";
      case LOW -> "低";
    };
  }
}
