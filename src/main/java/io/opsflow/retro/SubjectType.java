package io.opsflow.retro;

import io.opsflow.kernel.domain.Coded;

/**
 * What a retrospective looks back on: a change, an incident, a launch (its service over the hypercare
 * period), or a service and window chosen by hand.
 */
public enum SubjectType implements Coded {
  CHANGE("change"),
  INCIDENT("incident"),
  LAUNCH("launch"),
  MANUAL("manual");

  private final String code;

  SubjectType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case CHANGE -> "变更";
      case INCIDENT -> "事件";
      case LAUNCH -> "首发";
      case MANUAL -> "手动";
    };
  }
}
