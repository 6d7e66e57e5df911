package io.opsflow.change;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A change as stored: what is released where, its risk and route, the gate and the outcome. The
 * caller's idempotency key and the hash of its request stay inside OpsFlow.
 */
public record Change(
    String changeKey,
    String serviceKey,
    String version,
    String title,
    String changeType,
    boolean testsFailed,
    boolean hasDbMigration,
    Instant plannedStart,
    String commitSha,
    String pipelineUrl,
    String requestedBy,
    String requestedVia,
    @JsonIgnore String idempotencyKey,
    @JsonIgnore String requestHash,
    String risk,
    String approvalRoute,
    Integer verificationMinutes,
    String conflicts,
    String state,
    String gateStatus,
    String gateReason,
    Instant gateOpenedAt,
    String deploymentStatus,
    String deploymentUrl,
    Instant deployedAt,
    String outcome,
    String incidentKey,
    boolean retrospectiveDue,
    Instant createdAt,
    Instant closedAt) {

  public static final String AWAITING_APPROVAL = "awaiting-approval";
  public static final String SCHEDULED = "scheduled";
  public static final String DEPLOYING = "deploying";
  public static final String VERIFYING = "verifying";
  public static final String ROLLING_BACK = "rolling-back";
  public static final String CLOSED = "closed";
  public static final String REJECTED = "rejected";
  public static final String CANCELLED = "cancelled";

  /** Outcomes of a closed change. */
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String ROLLED_BACK = "rolled-back";

  public static final String GATE_PENDING = "pending";
  public static final String GATE_APPROVED = "approved";
  public static final String GATE_REJECTED = "rejected";
  public static final String GATE_CANCELLED = "cancelled";

  /** The same change without its incident, for a reader who may not know of it (a restricted one). */
  Change withoutIncident() {
    return new Change(changeKey, serviceKey, version, title, changeType, testsFailed, hasDbMigration, plannedStart,
        commitSha, pipelineUrl, requestedBy, requestedVia, idempotencyKey, requestHash, risk, approvalRoute,
        verificationMinutes, conflicts, state, gateStatus, gateReason, gateOpenedAt, deploymentStatus, deploymentUrl,
        deployedAt, outcome, null, retrospectiveDue, createdAt, closedAt);
  }

  public boolean open() {
    return !CLOSED.equals(state) && !REJECTED.equals(state) && !CANCELLED.equals(state);
  }
}
