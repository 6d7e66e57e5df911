package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** What kind of change: a routine one, one that needs its approval route, or an emergency that may pass a freeze window. */
public enum ChangeType implements Coded {
  STANDARD("standard"),
  NORMAL("normal"),
  EMERGENCY("emergency");

  private final String code;

  ChangeType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case STANDARD -> "标准";
      case NORMAL -> "普通";
      case EMERGENCY -> "紧急";
    };
  }
}
