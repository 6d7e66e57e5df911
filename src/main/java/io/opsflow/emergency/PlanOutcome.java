package io.opsflow.emergency;

import io.opsflow.kernel.domain.Coded;

/** How an activation ended: the plan's output {@code outcome}, which its commander chooses when standing down. */
public enum PlanOutcome implements Coded {
  RESTORED("restored"),
  MITIGATED("mitigated"),
  ABORTED("aborted");

  private final String code;

  PlanOutcome(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case RESTORED -> "已恢复";
      case MITIGATED -> "已缓解";
      case ABORTED -> "已中止";
    };
  }
}
