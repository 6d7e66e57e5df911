package io.opsflow.emergency;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A note, a notice to users, or an automated action of an activation.
 *
 * @param entryId the row id that orders the entries; it stays inside OpsFlow
 */
public record ActivationLogEntry(@JsonIgnore long entryId, String activationKey, Instant occurredAt, String step,
    ActivationLogKind kind, String actor, String message) {
}
