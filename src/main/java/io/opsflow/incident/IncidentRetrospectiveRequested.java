package io.opsflow.incident;

/**
 * Published by incident-response's "Request retrospective" step, inside the process transaction: the
 * incident is closed and its retrospective is due. The retrospective module starts one (repeats are
 * ignored); if it cannot, the step fails with it.
 */
public record IncidentRetrospectiveRequested(String incidentKey) {
}
