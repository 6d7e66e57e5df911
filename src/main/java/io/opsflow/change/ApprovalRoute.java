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
}
