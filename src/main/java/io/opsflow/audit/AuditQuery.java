package io.opsflow.audit;

import java.time.Instant;

/**
 * What {@code GET /api/audit} asks for: entries in [from, to), by an actor, about a subject; the
 * newest {@code limit} of them.
 */
record AuditQuery(Instant from, Instant to, String actor, String subject, int limit) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
}
