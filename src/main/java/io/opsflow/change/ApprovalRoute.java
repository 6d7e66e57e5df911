package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** Who must approve a change, as the change-risk decision routes it (the approval-route decision says which groups). */
public enum ApprovalRoute implements Coded {
  AUTO("auto"),
  PEER("peer"),
  CAB("cab"),
  EXPEDITED("expedited");

  private final String code;

  ApprovalRoute(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case AUTO -> "预先批准";
      case PEER -> "运维、开发、测试会签";
      case CAB -> "变更委员会（CAB）";
      case EXPEDITED -> "加急";
    };
  }
}
