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
 */
public record ProcessParticipants(String processKey, List<String> readers, List<String> starters) {

  /** Everyone who reads it may also start it. */
  public ProcessParticipants(String processKey, List<String> groups) {
    this(processKey, groups, groups);
  }

  /** Makes the grants (idempotent); they name the process key, so it need not be deployed yet. */
  public void grant(AuthorizationService authorizations) {
    for (String group : readers) {
      Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, processKey,
          ProcessDefinitionPermissions.READ_INSTANCE);
    }
    for (String group : starters) {
      Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, processKey,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
  }
}
