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

  @Override
  public String chinese() {
    return switch (this) {
      case OPEN -> "待处理";
      case IMPLEMENTED -> "已实施";
      case REOPENED -> "已重新打开";
      case VERIFIED -> "已验证";
    };
  }
}
