package io.opsflow.change;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.process.TaskPriority;

/** The risk the change-risk decision gives a change. */
public enum ChangeRisk implements Coded {
  LOW("low", TaskPriority.LOW),
  MEDIUM("medium", TaskPriority.NORMAL),
  HIGH("high", TaskPriority.HIGH);

  private final String code;
  private final int taskPriority;

  ChangeRisk(String code, int taskPriority) {
    this.code = code;
    this.taskPriority = taskPriority;
  }

  /**
   * The Camunda priority of the change's tasks: a high-risk change's as a P2 incident's; an emergency
   * change (expedited) is as urgent as a P1.
   */
  public int taskPriority(ApprovalRoute route) {
    return route == ApprovalRoute.EXPEDITED ? TaskPriority.HIGHEST : taskPriority;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String chinese() {
    return switch (this) {
      case LOW -> "低";
      case MEDIUM -> "中";
      case HIGH -> "高";
    };
  }
}
