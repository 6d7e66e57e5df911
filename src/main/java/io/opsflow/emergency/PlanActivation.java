package io.opsflow.emergency;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One run of an emergency plan, real or drill (its process instance, found by the activation key, stays inside). */
public record PlanActivation(
    String activationKey,
    String planKey,
    @JsonIgnore String processInstanceId,
    String incidentKey,
    String serviceKey,
    boolean drill,
    String startedBy,
    Instant startedAt,
    String commander,
    Instant endedAt,
    PlanOutcome outcome,
    String summary) {
}
