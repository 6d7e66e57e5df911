package io.opsflow.incident;

/**
 * Published inside the transaction that records a new incident, so other modules can react in
 * the same transaction (a change in its verification window learns about an alert on its service).
 *
 * @param serviceKey the catalog service, or null when the service is unknown
 * @param source where the report came from (metrics count openings by it)
 * @param restricted reported as a restricted (security) incident: only ops, managers and security read it
 */
public record IncidentOpened(String incidentKey, String serviceKey, IncidentSource source, boolean restricted) {
}
