package io.opsflow.incident;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.process.TaskPriority;

/**
 * An incident's priority, as the {@code incident-priority} decision gives it: {@code P1} is the
 * most urgent. Notifications and metrics compare priorities by urgency, never by their codes as text.
 */
public enum Priority implements Coded {
  P1("P1", TaskPriority.HIGHEST),
  P2("P2", TaskPriority.HIGH),
  P3("P3", TaskPriority.NORMAL),
  P4("P4", TaskPriority.LOW);

  private final String code;
  private final int taskPriority;

  Priority(String code, int taskPriority) {
    this.code = code;
    this.taskPriority = taskPriority;
  }

  /** The Camunda priority of the incident's tasks, so that Tasklist sorts a P1 first. */
  public int taskPriority() {
    return taskPriority;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether this priority is more urgent than the other ({@code P1} is more urgent than {@code P2}). */
  public boolean moreUrgentThan(Priority other) {
    return compareTo(other) < 0;
  }

  /** Whether this priority is the threshold or more urgent: {@code P2.atLeast(P2)} and {@code P1.atLeast(P2)}. */
  public boolean atLeast(Priority threshold) {
    return compareTo(threshold) <= 0;
  }

  /** The code, so that a message that names the value reads as it did when it was text. */
  @Override
  public String toString() {
    return code;
  }
}
