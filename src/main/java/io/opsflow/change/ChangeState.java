package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** Where a change is in change-release. */
public enum ChangeState implements Coded {
  AWAITING_APPROVAL("awaiting-approval"),
  SCHEDULED("scheduled"),
  DEPLOYING("deploying"),
  VERIFYING("verifying"),
  ROLLING_BACK("rolling-back"),
  CLOSED("closed"),
  REJECTED("rejected"),
  CANCELLED("cancelled");

  private final String code;

  ChangeState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Closed, rejected or cancelled: nothing more happens to the change (the list filter's SQL says the same). */
  public boolean ended() {
    return this == CLOSED || this == REJECTED || this == CANCELLED;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case AWAITING_APPROVAL -> "待审批";
      case SCHEDULED -> "已排期";
      case DEPLOYING -> "部署中";
      case VERIFYING -> "验证中";
      case ROLLING_BACK -> "回滚中";
      case CLOSED -> "已关闭";
      case REJECTED -> "已拒绝";
      case CANCELLED -> "已取消";
    };
  }
}
