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
}
