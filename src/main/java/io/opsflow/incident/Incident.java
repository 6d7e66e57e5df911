package io.opsflow.incident;

import java.time.Instant;
import java.time.ZoneOffset;

import io.opsflow.kernel.text.Language;
import io.opsflow.kernel.text.Reader;

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

  /** The service as an English reader reads it: the catalog key, or what the reporter named. */
  public String serviceLabel() {
    return serviceLabel(new Reader(Language.EN, ZoneOffset.UTC));
  }

  /** The service as the reader reads it: the catalog key, or what the reporter named, marked as unknown. */
  public String serviceLabel(Reader reader) {
    if (serviceKey != null) {
      return serviceKey;
    }
    return reportedService == null ? reader.say("unknown service", "未知服务")
        : reportedService + reader.say(" (unknown service)", "（未知服务）");
  }
}
