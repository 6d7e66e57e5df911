package io.opsflow.change;

import java.time.Instant;

/** One group's decision on a change. */
public record ChangeApproval(String changeKey, String approvalGroup, boolean approved, String decidedBy,
    Instant decidedAt, String commentText) {
}
