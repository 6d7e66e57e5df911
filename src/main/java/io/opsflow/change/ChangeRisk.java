package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;

/** The risk the change-risk decision gives a change. */
public enum ChangeRisk implements Coded {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String code;

  ChangeRisk(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
