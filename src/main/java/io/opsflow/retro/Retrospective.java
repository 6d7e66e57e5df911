package io.opsflow.retro;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A post-launch retrospective: its subject (a change, an incident, or a service and window chosen
 * by hand), the facts gathered, and what the team said.
 */
public record Retrospective(
    String retroKey,
    SubjectType subjectType,
    String subjectKey,
    String serviceKey,
    Instant windowStart,
    Instant windowEnd,
    RetrospectiveState state,
    String requestedBy,
    @JsonIgnore String facts,
    String summary,
    String wentWell,
    String wentWrong,
    String rootCauses,
    Instant createdAt,
    Instant publishedAt,
    Instant closedAt) {

  /** The same retrospective with its window ending no later than {@code moment}. */
  Retrospective endingBy(Instant moment) {
    if (!windowEnd.isAfter(moment)) {
      return this;
    }
    return new Retrospective(retroKey, subjectType, subjectKey, serviceKey, windowStart, moment, state, requestedBy,
        facts, summary, wentWell, wentWrong, rootCauses, createdAt, publishedAt, closedAt);
  }
}
