package io.opsflow.incident;

/**
 * Published inside the transaction in which an SLA target of an open incident passes (its timer
 * fired and "Notify SLA breach" ran), once per incident and target.
 *
 * @param priority the priority whose target passed
 * @param restricted read only by ops, managers and security: counts must not say where it happened
 */
public record IncidentSlaBreached(String incidentKey, String serviceKey, Priority priority, Sla sla,
    boolean restricted) {
}
