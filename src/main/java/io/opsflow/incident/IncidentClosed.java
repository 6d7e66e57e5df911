package io.opsflow.incident;

/**
 * Published inside the transaction that closes an incident (incident-response's "Close incident"),
 * with the SLA verdicts stored on it, for the modules that count incidents (metrics).
 *
 * @param serviceKey the catalog service, or null when the service is unknown
 * @param priority null only if the incident closed before its priority was decided
 * @param restricted read only by ops, managers and security: counts must not say where it happened
 */
public record IncidentClosed(String incidentKey, String serviceKey, Priority priority, boolean ackSlaBreached,
    boolean resolveSlaBreached, boolean restricted) {

  /** Whether both targets held: the same verdict the stored {@code ack/resolve_sla_breached} columns give. */
  public boolean withinSla() {
    return !ackSlaBreached && !resolveSlaBreached;
  }
}
