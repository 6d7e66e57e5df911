package io.opsflow.emergency;

import java.time.Instant;

/** One run of an emergency plan, real or drill. */
public record PlanActivation(
    String activationKey,
    String planKey,
    String processInstanceId,
    String incidentKey,
    String serviceKey,
    boolean drill,
    String startedBy,
    Instant startedAt,
    String commander,
    Instant endedAt,
    String outcome,
    String summary) {
}
