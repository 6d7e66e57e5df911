package io.opsflow.incident;

import java.time.Instant;

/** One thing that happened to an incident, who did it and when. */
public record TimelineEntry(long entryId, String incidentKey, Instant occurredAt, String kind, String actor,
    String message) {
}
