package io.opsflow.oncall;

import java.time.Instant;

/** Someone on call instead of the rotation, from {@code from} (inclusive) to {@code to} (exclusive). */
public record ShiftOverride(String id, String scheduleId, String userId, Instant from, Instant to, String createdBy,
    Instant createdAt) {
}
