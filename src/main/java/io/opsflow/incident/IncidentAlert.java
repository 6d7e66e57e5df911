package io.opsflow.incident;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** An alert (by fingerprint or dedup key) recorded on an incident. */
public record IncidentAlert(
    String incidentKey,
    String fingerprint,
    String alertName,
    String severity,
    String summary,
    @JsonRawValue String labels,
    String generatorUrl,
    AlertStatus status,
    Instant startsAt,
    Instant endsAt,
    Instant firstSeenAt,
    Instant lastSeenAt,
    int occurrences) {

  public boolean firing() {
    return status == AlertStatus.FIRING;
  }
}
