package io.opsflow.feedback;

import io.opsflow.kernel.domain.Coded;

/** How the insights are grouped. A day is a UTC date (OpsFlow stores UTC times). */
public enum GroupBy implements Coded {
  DAY("day"),
  VERSION("version"),
  CHANNEL("channel");

  private final String code;

  GroupBy(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
