package io.opsflow.security;

import java.util.List;

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
}
