package io.opsflow.feedback;

import io.opsflow.kernel.domain.Coded;

/** Where a piece of feedback was given. */
public enum Channel implements Coded {
  IN_APP("in-app"),
  APP_STORE("app-store"),
  SUPPORT("support"),
  SOCIAL("social"),
  SURVEY("survey"),
  OTHER("other");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
