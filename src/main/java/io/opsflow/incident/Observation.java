package io.opsflow.incident;

import java.time.Instant;

/**
 * One alert as a sender reports it (an Alertmanager alert, or an API report with a dedup key),
 * with the incident report to open when no open incident owns its fingerprint yet.
 */
record Observation(
    String fingerprint,
    boolean firing,
    String alertName,
    String severity,
    String summary,
    String labels,
    String generatorUrl,
    Instant startsAt,
    Instant endsAt,
    IncidentReport reportIfNew) {
}
