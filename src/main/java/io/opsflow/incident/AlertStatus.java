package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;

/** Whether an alert recorded on an incident still fires. */
public enum AlertStatus implements Coded {
  FIRING("firing"),
  RESOLVED("resolved");

  private final String code;

  AlertStatus(String code) {
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
      case FIRING -> "告警中";
      case RESOLVED -> "已恢复";
    };
  }
}
