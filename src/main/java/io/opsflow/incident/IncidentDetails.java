package io.opsflow.incident;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An incident with its alerts and timeline, as GET /api/incidents/{key} answers. */
public record IncidentDetails(@JsonUnwrapped Incident incident, List<IncidentAlert> alerts,
    List<TimelineEntry> timeline) {
}
