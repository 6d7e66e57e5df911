package io.opsflow.security;

import java.util.List;

/**
 * Groups that take part in a process: they may start it (Tasklist or /engine-rest) and read its
 * instances and variables, which Tasklist shows next to each task (incident key, service,
 * priority). Task visibility is separate: each task only for its candidates. Modules declare
 * their processes as beans of this type; the grants are made at every start.
 */
public record ProcessParticipants(String processKey, List<String> groups) {
}
