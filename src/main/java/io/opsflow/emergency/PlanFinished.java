package io.opsflow.emergency;

import java.time.Instant;

/**
 * Published inside the transaction that ends an emergency-plan activation (its "Close activation"
 * step), for the modules that tell about or count plans and drills (notifications, metrics).
 *
 * @param incidentKey the incident it was activated for, or null (a drill, or a plan without one)
 */
public record PlanFinished(String activationKey, String planKey, String serviceKey, String incidentKey,
    boolean drill, PlanOutcome outcome, Instant endedAt) {
}
