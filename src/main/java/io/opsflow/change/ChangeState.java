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
}
