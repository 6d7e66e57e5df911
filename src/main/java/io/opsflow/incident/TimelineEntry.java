package io.opsflow.incident;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One thing that happened to an incident, who did it and when (the row id orders entries and stays inside). */
public record TimelineEntry(@JsonIgnore long entryId, String incidentKey, Instant occurredAt, String kind, String actor,
    String message) {
}
