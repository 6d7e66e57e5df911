package io.opsflow.change;

import java.time.Instant;

/**
 * Published inside the transaction that closes a change (change-release's "Close change" step), for
 * the modules that count or tell about deployments (notifications, metrics).
 *
 * @param incidentKey the incident the change was linked to (a failed deployment's), or null
 */
public record ChangeClosed(String changeKey, String serviceKey, ChangeType changeType, ApprovalRoute approvalRoute,
    ChangeOutcome outcome, String incidentKey, Instant deployedAt, Instant closedAt) {
}
