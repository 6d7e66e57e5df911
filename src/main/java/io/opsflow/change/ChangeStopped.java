package io.opsflow.change;

/**
 * Published inside the transaction that ends a change without closing it: rejected at its gate, or
 * cancelled because its deployment stalled. Closed changes publish {@link ChangeClosed} instead.
 *
 * @param state {@code REJECTED} or {@code CANCELLED}
 */
public record ChangeStopped(String changeKey, String serviceKey, ChangeType changeType, ChangeState state) {
}
