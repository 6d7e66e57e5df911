package io.opsflow.retro;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facts a retrospective starts from, gathered automatically and stored with it (as JSON).
 *
 * @param note what the facts leave out (a window with more changes or incidents than are listed), or null
 */
public record RetroFacts(List<ChangeFact> changes, List<IncidentFact> incidents, Map<String, Integer> alertsByName,
    List<PlanFact> emergencyPlans, String note) {

  public record ChangeFact(String changeKey, String version, String title, String changeType, String risk,
      String approvalRoute, List<String> approvals, Instant gateOpenedAt, Instant deployedAt, String deploymentStatus,
      String outcome, String incidentKey) {
  }

  /** @param ackSlaHeld null while the incident is open */
  public record IncidentFact(String incidentKey, String title, String priority, String state, Instant openedAt,
      Instant closedAt, Long secondsToAcknowledge, Long secondsToResolve, Boolean ackSlaHeld, Boolean resolveSlaHeld) {
  }

  public record PlanFact(String activationKey, String planKey, String incidentKey, boolean drill, String outcome,
      Instant startedAt, Instant endedAt) {
  }
}
