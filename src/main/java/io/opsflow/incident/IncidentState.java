package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;

/** Where an incident is in its life; {@code open} until someone acknowledges it. */
public enum IncidentState implements Coded {
  OPEN("open"),
  ACKNOWLEDGED("acknowledged"),
  RESOLVED("resolved"),
  CLOSED("closed");

  private final String code;

  IncidentState(String code) {
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
      case OPEN -> "已创建";
      case ACKNOWLEDGED -> "已确认";
      case RESOLVED -> "已解决";
      case CLOSED -> "已关闭";
    };
  }
}
