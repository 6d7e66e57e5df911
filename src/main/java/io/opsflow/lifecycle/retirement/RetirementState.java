package io.opsflow.lifecycle.retirement;

import io.opsflow.kernel.domain.Coded;

/** Where a retirement is: running, or ended with the service retired, or abandoned (the service stays deprecated). */
public enum RetirementState implements Coded {
  RUNNING("running"),
  RETIRED("retired"),
  ABANDONED("abandoned");

  private final String code;

  RetirementState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
