package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Who completed a task: its assignee, else the signed-in person completing it. */
final class Actor {

  private Actor() {
  }

  static String of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    String authenticated = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    return authenticated == null ? "opsflow" : authenticated;
  }
}
