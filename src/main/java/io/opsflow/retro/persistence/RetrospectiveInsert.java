package io.opsflow.retro.persistence;

import java.time.Instant;

import io.opsflow.retro.RetrospectiveState;
import io.opsflow.retro.SubjectType;

/** What requesting a retrospective writes; facts, what people said and the later moments come with their steps. */
public record RetrospectiveInsert(String retroKey, SubjectType subjectType, String subjectKey, String serviceKey,
    Instant windowStart, Instant windowEnd, RetrospectiveState state, String requestedBy, Instant createdAt) {
}
