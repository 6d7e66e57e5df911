package io.opsflow.change;

import java.time.Instant;

/**
 * Published inside the transaction that closes a change (change-release's "Close change" step), for
 * the modules that count or tell about deployments (notifications, metrics).
 *
 * @param outcome {@link Change#SUCCEEDED}, {@link Change#FAILED} or {@link Change#ROLLED_BACK}
 * @param incidentKey the incident the change was linked to (a failed deployment's), or null
 */
public record ChangeClosed(String changeKey, String serviceKey, String changeType, String approvalRoute,
    String outcome, String incidentKey, Instant deployedAt, Instant closedAt) {
}
