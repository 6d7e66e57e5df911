package io.opsflow.retro;

import io.opsflow.kernel.domain.Coded;

/** Where a retrospective is in post-launch-retrospective. */
public enum RetrospectiveState implements Coded {
  REQUESTED("requested"),
  PREPARING("preparing"),
  COLLECTING("collecting"),
  REVIEWING("reviewing"),
  IMPROVING("improving"),
  CLOSED("closed");

  private final String code;

  RetrospectiveState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
