package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;

/**
 * What kind of incident it is, from the report or the triage; also an input of the
 * emergency-plan-selection decision. {@code security} makes an incident restricted.
 */
public enum IncidentCategory implements Coded {
  OUTAGE("outage"),
  DATABASE("database"),
  SECURITY("security"),
  PERFORMANCE("performance"),
  OTHER("other");

  private final String code;

  IncidentCategory(String code) {
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
      case OUTAGE -> "服务中断";
      case DATABASE -> "数据库";
      case SECURITY -> "安全";
      case PERFORMANCE -> "性能";
      case OTHER -> "其他";
    };
  }
}
