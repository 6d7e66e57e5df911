package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** How a closed change ended. */
public enum ChangeOutcome implements Coded {
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  ROLLED_BACK("rolled-back");

  private final String code;

  ChangeOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
