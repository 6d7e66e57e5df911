package io.opsflow.change;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.opsflow.feedback.ReleaseComparison;

/**
 * A change with its approvals and timeline, as GET /api/changes/{key} answers.
 *
 * @param feedback how users took the version it releases against the version before it
 */
public record ChangeDetails(@JsonUnwrapped Change change, List<ChangeApproval> approvals, List<ChangeEvent> timeline,
    ReleaseComparison feedback) {
}
