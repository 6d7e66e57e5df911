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
    String status,
    Instant startsAt,
    Instant endsAt,
    Instant firstSeenAt,
    Instant lastSeenAt,
    int occurrences) {

  public static final String FIRING = "firing";
  public static final String RESOLVED = "resolved";

  public boolean firing() {
    return FIRING.equals(status);
  }
}
