package io.opsflow.retro;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A post-launch retrospective: its subject (a change, an incident, or a service and window chosen
 * by hand), the facts gathered, and what the team said.
 */
public record Retrospective(
    String retroKey,
    String subjectType,
    String subjectKey,
    String serviceKey,
    Instant windowStart,
    Instant windowEnd,
    String state,
    String requestedBy,
    @JsonIgnore String facts,
    String summary,
    String wentWell,
    String wentWrong,
    String rootCauses,
    Instant createdAt,
    Instant publishedAt,
    Instant closedAt) {

  /** What a retrospective looks back on ({@link #subjectType()}). */
  public static final String SUBJECT_CHANGE = "change";
  public static final String SUBJECT_INCIDENT = "incident";
  public static final String SUBJECT_MANUAL = "manual";

  public static final String REQUESTED = "requested";
  public static final String PREPARING = "preparing";
  public static final String COLLECTING = "collecting";
  public static final String REVIEWING = "reviewing";
  public static final String IMPROVING = "improving";
  public static final String CLOSED = "closed";
  public static final List<String> STATES = List.of(REQUESTED, PREPARING, COLLECTING, REVIEWING, IMPROVING, CLOSED);

  /** The same retrospective with its window ending no later than {@code moment}. */
  Retrospective endingBy(Instant moment) {
    if (!windowEnd.isAfter(moment)) {
      return this;
    }
    return new Retrospective(retroKey, subjectType, subjectKey, serviceKey, windowStart, moment, state, requestedBy,
        facts, summary, wentWell, wentWrong, rootCauses, createdAt, publishedAt, closedAt);
  }
}
