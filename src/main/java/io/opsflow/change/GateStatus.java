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
}
