package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;

/** Where the report of an incident came from. */
public enum IncidentSource implements Coded {
  ALERTMANAGER("alertmanager"),
  API("api"),
  TASKLIST("tasklist"),
  /** A failed deployment of a change (change-release opens the incident). */
  CHANGE("change"),
  /** A negative spike in users' feedback (the feedback module's spike detector opens the incident). */
  FEEDBACK("feedback");

  private final String code;

  IncidentSource(String code) {
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
      case ALERTMANAGER -> "告警（Alertmanager）";
      case API -> "API";
      case TASKLIST -> "任务列表";
      case CHANGE -> "变更";
      case FEEDBACK -> "用户反馈";
    };
  }
}
