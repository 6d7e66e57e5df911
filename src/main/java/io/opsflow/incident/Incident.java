package io.opsflow.incident;

import java.time.Instant;

/**
 * An incident as stored: its facts, routing, priority and SLA, and the times of its life.
 *
 * @param category from the report or the triage (outage, database, security, performance, other)
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
    String impact,
    String urgency,
    String priority,
    Integer ackSlaMinutes,
    Integer resolveSlaMinutes,
    Instant ackDueAt,
    Instant resolveDueAt,
    String source,
    String reportedBy,
    String state,
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
    String category,
    boolean restricted) {

  public static final String OPEN = "open";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";
  public static final String CLOSED = "closed";

  /** The service as people should read it: the catalog key, or what the reporter named. */
  public String serviceLabel() {
    if (serviceKey != null) {
      return serviceKey;
    }
    return reportedService == null ? "unknown service" : reportedService + " (unknown service)";
  }
}
