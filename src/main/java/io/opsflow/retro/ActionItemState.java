package io.opsflow.retro;

import io.opsflow.kernel.domain.Coded;

/** Where an action item is: open, implemented by its owners, reopened by QA, or verified. */
public enum ActionItemState implements Coded {
  OPEN("open"),
  IMPLEMENTED("implemented"),
  REOPENED("reopened"),
  VERIFIED("verified");

  private final String code;

  ActionItemState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
