package io.opsflow.incident;

import java.time.Instant;

/**
 * An incident as stored: its facts, routing, priority and SLA, and the times of its life.
 *
 * @param priority null until the incident-priority decision has run
 * @param category from the report or the triage; null until one of them says
 * @param restricted read only by ops, managers and security (see {@code security.Visibility})
 */
public record Incident(
    String incidentKey,
    String title,
    String description,
    String serviceKey,
    String reportedService,
    boolean unknownService,
    String onCallGroup,
    Level impact,
    Level urgency,
    Priority priority,
    Integer ackSlaMinutes,
    Integer resolveSlaMinutes,
    Instant ackDueAt,
    Instant resolveDueAt,
    IncidentSource source,
    String reportedBy,
    IncidentState state,
    boolean major,
    String diagnosisGroup,
    String resolutionSummary,
    Instant openedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    Instant closedAt,
    Long secondsToAcknowledge,
    Long secondsToResolve,
    boolean ackSlaBreached,
    boolean resolveSlaBreached,
    boolean retrospectiveDue,
    IncidentCategory category,
    boolean restricted) {

  /** The service as people should read it: the catalog key, or what the reporter named. */
  public String serviceLabel() {
    if (serviceKey != null) {
      return serviceKey;
    }
    return reportedService == null ? "unknown service" : reportedService + " (unknown service)";
  }
}
