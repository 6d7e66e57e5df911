package io.opsflow.emergency;

import java.time.Instant;

/**
 * A note, a notice to users, or an automated action of an activation.
 *
 * @param kind note, notice, action, dry-run or command
 */
public record ActivationLogEntry(long entryId, String activationKey, Instant occurredAt, String step, String kind,
    String actor, String message) {
}
