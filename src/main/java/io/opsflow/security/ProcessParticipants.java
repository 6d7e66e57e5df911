package io.opsflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who takes part in a process: {@code readers} see its instances and variables (which Tasklist
 * shows next to each task: incident key, service, priority); {@code starters} may also start it
 * (Tasklist or /engine-rest). Task visibility is separate: each task only for its candidates.
 * Modules declare their processes as beans of this type; the grants are made at every start.
 * <p>
 * In a {@code restrictable} process some instances are restricted ({@link Visibility}): only the
 * readers who read restricted items read all its instances; the others read each open instance
 * through a grant on that instance, which the module asks {@link Visibility#apply} for.
 */
public record ProcessParticipants(String processKey, List<String> readers, List<String> starters, boolean restrictable) {

  /** No instance is restricted. */
  public ProcessParticipants(String processKey, List<String> readers, List<String> starters) {
    this(processKey, readers, starters, false);
  }

  /** Everyone who reads it may also start it; no instance is restricted. */
  public ProcessParticipants(String processKey, List<String> groups) {
    this(processKey, groups, groups);
  }

  public static ProcessParticipants restrictable(String processKey, List<String> readers, List<String> starters) {
    return new ProcessParticipants(processKey, readers, starters, true);
  }

  /** Makes the grants (idempotent); they name the process key, so it need not be deployed yet. */
  public void grant(AuthorizationService authorizations) {
    for (String group : readers) {
      if (restrictable && !Visibility.RESTRICTED_READERS.contains(group)) {
        // an installation from before restricted items granted every reader the whole process
        Grants.revoke(authorizations, group, Resources.PROCESS_DEFINITION, processKey,
            ProcessDefinitionPermissions.READ_INSTANCE);
      } else {
        Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, processKey,
            ProcessDefinitionPermissions.READ_INSTANCE);
      }
    }
    for (String group : starters) {
      Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, processKey,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
  }
}
