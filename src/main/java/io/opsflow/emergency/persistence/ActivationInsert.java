package io.opsflow.emergency.persistence;

import java.time.Instant;

/** What activating a plan writes; commander, end, outcome and summary come later, each with its own update. */
public record ActivationInsert(String activationKey, String planKey, String processInstanceId, String incidentKey,
    String serviceKey, boolean drill, String startedBy, Instant startedAt) {
}
