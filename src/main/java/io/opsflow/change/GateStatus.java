package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** What the deployment gate tells a pipeline: wait, deploy, or do not deploy. */
public enum GateStatus implements Coded {
  PENDING("pending"),
  APPROVED("approved"),
  REJECTED("rejected"),
  CANCELLED("cancelled");

  private final String code;

  GateStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case PENDING -> "待定";
      case APPROVED -> "已放行";
      case REJECTED -> "已拒绝";
      case CANCELLED -> "已取消";
    };
  }
}
