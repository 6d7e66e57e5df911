package io.opsflow.incident;

/**
 * Published inside the transaction that took in one Alertmanager webhook, with what became of its
 * alerts. A batch that is retried (it lost a lock race) publishes again in the new transaction; the
 * rolled-back one's event is never delivered to after-commit listeners.
 *
 * @param opened firing alerts that opened an incident
 * @param repeated firing alerts recorded on the open incident that already had their fingerprint
 * @param resolved resolved alerts recorded on their open incident
 * @param ignored resolved alerts that no open incident had
 */
public record AlertsReceived(int opened, int repeated, int resolved, int ignored) {
}
