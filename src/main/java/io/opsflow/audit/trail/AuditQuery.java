package io.opsflow.audit.trail;

import java.time.Instant;

/**
 * What {@code GET /api/audit} asks for: entries in [from, to), by an actor, about a subject; the
 * newest {@code limit} of them.
 */
public record AuditQuery(Instant from, Instant to, String actor, String subject, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
}
