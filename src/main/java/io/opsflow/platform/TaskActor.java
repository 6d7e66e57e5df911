package io.opsflow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Who is completing a task: its assignee, else the signed-in person completing it. */
public final class TaskActor {

  private TaskActor() {
  }

  public static String of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return authenticated().orElse("opsflow");
  }

  /** The person on whose behalf the engine runs the current command, if any. */
  public static java.util.Optional<String> authenticated() {
    return java.util.Optional.ofNullable(Context.getCommandContext())
        .map(context -> context.getAuthenticatedUserId());
  }
}
