package io.opsflow.change;

import java.time.Instant;
import java.util.Set;

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
    ChangeType changeType,
    boolean testsFailed,
    boolean hasDbMigration,
    Instant plannedStart,
    String commitSha,
    String pipelineUrl,
    String requestedBy,
    String requestedVia,
    @JsonIgnore String idempotencyKey,
    @JsonIgnore String requestHash,
    ChangeRisk risk,
    ApprovalRoute approvalRoute,
    Integer verificationMinutes,
    String conflicts,
    ChangeState state,
    GateStatus gateStatus,
    String gateReason,
    Instant gateOpenedAt,
    DeploymentStatus deploymentStatus,
    String deploymentUrl,
    Instant deployedAt,
    ChangeOutcome outcome,
    String incidentKey,
    boolean retrospectiveDue,
    Instant createdAt,
    Instant closedAt,
    Instant committedAt,
    String fixesIncident) {

  /** The same change without the incidents it names, for a reader who may not know of them (restricted ones). */
  Change withoutIncidents(Set<String> hidden) {
    return new Change(changeKey, serviceKey, version, title, changeType, testsFailed, hasDbMigration, plannedStart,
        commitSha, pipelineUrl, requestedBy, requestedVia, idempotencyKey, requestHash, risk, approvalRoute,
        verificationMinutes, conflicts, state, gateStatus, gateReason, gateOpenedAt, deploymentStatus, deploymentUrl,
        deployedAt, outcome, hidden.contains(incidentKey) ? null : incidentKey, retrospectiveDue, createdAt, closedAt,
        committedAt, hidden.contains(fixesIncident) ? null : fixesIncident);
  }

  public boolean open() {
    return !state.ended();
  }
}
