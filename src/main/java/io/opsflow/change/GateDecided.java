package io.opsflow.change;

import java.time.Duration;

/**
 * Published inside the transaction that opens or rejects a change's deployment gate: how long the
 * pipeline polling {@code GET /api/changes/{key}/gate} waited, from the change's request to the
 * answer (approvals, and a scheduled change's wait for its planned start, included).
 *
 * @param status {@code APPROVED} or {@code REJECTED}
 */
public record GateDecided(String changeKey, String serviceKey, ChangeType changeType, GateStatus status,
    Duration waited) {
}
