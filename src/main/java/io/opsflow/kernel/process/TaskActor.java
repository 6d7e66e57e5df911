package io.opsflow.kernel.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Who is completing a task: the signed-in person (the security module's task ownership rules make
 * sure it is the person the task is assigned to, or assign it to them). Without one (the engine itself, tests
 * calling the Java API) its assignee, else "opsflow".
 */
public final class TaskActor {

  private TaskActor() {
  }

  public static String of(DelegateTask task) {
    return authenticated().orElseGet(() -> task.getAssignee() != null ? task.getAssignee() : "opsflow");
  }

  /** The person on whose behalf the engine runs the current command, if any. */
  public static Optional<String> authenticated() {
    return Optional.ofNullable(Context.getCommandContext()).map(context -> context.getAuthenticatedUserId());
  }
}
