package io.opsflow.security.tasks;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A person tried to act on a task in a way {@link TaskOwnershipRules} does not allow: claim it for
 * someone else, complete a task someone else has claimed, and the like. An authorization failure,
 * so both REST surfaces answer 403 with this message ({@link TaskOwnershipPlugin} lifts it out of
 * the engine's listener wrapping).
 */
public class TaskActionRefused extends AuthorizationException {

  public TaskActionRefused(String message) {
    super(message);
  }
}
