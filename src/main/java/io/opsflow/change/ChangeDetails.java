package io.opsflow.change;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A change with its approvals and timeline, as GET /api/changes/{key} answers. */
public record ChangeDetails(@JsonUnwrapped Change change, List<ChangeApproval> approvals, List<ChangeEvent> timeline) {
}
