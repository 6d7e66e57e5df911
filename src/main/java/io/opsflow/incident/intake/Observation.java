package io.opsflow.incident.intake;

import java.time.Instant;
import java.util.List;

import io.opsflow.incident.IncidentReport;

/**
 * One alert as a sender reports it (an Alertmanager alert, or an API report with a dedup key),
 * with the incident report to open when no open incident owns its fingerprint yet (none for a
 * resolved alert: it never opens one).
 *
 * @param clipped what was cut or left out to store the alert, for a note on the incident; empty when nothing
 */
public record Observation(
    String fingerprint,
    boolean firing,
    String alertName,
    String severity,
    String summary,
    String labels,
    String generatorUrl,
    Instant startsAt,
    Instant endsAt,
    IncidentReport reportIfNew,
    List<String> clipped) {
}
