package io.opsflow.change.persistence;

import java.time.Instant;

import io.opsflow.change.ChangeState;
import io.opsflow.change.ChangeType;
import io.opsflow.change.GateStatus;

/**
 * What registering a change writes: the request and its first state and gate. Risk, route,
 * deployment and outcome come later, each with its own update.
 */
public record ChangeInsert(
    String changeKey,
    String serviceKey,
    String version,
    String title,
    ChangeType changeType,
    boolean testsFailed,
    boolean hasDbMigration,
    Instant plannedStart,
    String commitSha,
    String pipelineUrl,
    String requestedBy,
    String requestedVia,
    String idempotencyKey,
    String requestHash,
    ChangeState state,
    GateStatus gateStatus,
    Instant createdAt,
    Instant committedAt,
    String fixesIncident) {
}
