package io.opsflow.incident;

/**
 * Published inside the transaction in which triage made an incident restricted, or no longer
 * restricted: what the incident started (emergency-plan activations, a retrospective) follows.
 */
public record IncidentRestrictionChanged(String incidentKey, boolean restricted) {
}
