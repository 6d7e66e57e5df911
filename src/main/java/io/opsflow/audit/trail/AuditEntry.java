package io.opsflow.audit.trail;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the audit trail, as {@code GET /api/audit} answers.
 *
 * @param action what was done, {@code <thing>.<verb>}: {@code service.updated}, {@code task.claim}
 * @param subject what it was done to: a business key, a service key, a token id, a user or group
 * @param before the state before, where something was changed
 * @param after the state after, where something was changed
 * @param source OpsFlow's own records or Camunda's user operation log
 */
public record AuditEntry(Instant time, String actor, String action, String subject, String details, JsonNode before,
    JsonNode after, AuditSource source) {
}
