package io.opsflow.retro;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.ChangeType;
import io.opsflow.change.DeploymentStatus;
import io.opsflow.emergency.PlanOutcome;
import io.opsflow.feedback.Insights;
import io.opsflow.feedback.ReleaseComparison;
import io.opsflow.feedback.Sentiment;

/**
 * The facts a retrospective starts from, gathered automatically and stored with it (as JSON).
 *
 * @param feedback what users said in the window; null in facts gathered before feedback was recorded
 * @param usage how users used the service's features in the window, most used first, with their flags
 *     ({@code fell-after-release}, {@code rarely-used}); null in facts gathered before usage was recorded
 * @param note what the facts leave out (a window with more changes or incidents than are listed), or null
 */
public record RetroFacts(List<ChangeFact> changes, List<IncidentFact> incidents, Map<String, Integer> alertsByName,
    List<PlanFact> emergencyPlans, FeedbackFact feedback, List<UsageFact> usage, String note) {

  /** Every incident the facts name: their own, a change's, an emergency plan's. */
  Set<String> incidentKeys() {
    return Stream.of(incidents.stream().map(IncidentFact::incidentKey), changes.stream().map(ChangeFact::incidentKey),
        emergencyPlans.stream().map(PlanFact::incidentKey)).flatMap(keys -> keys).filter(key -> key != null)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Occurrences by alert name over these incidents. */
  public static Map<String, Integer> alertsOf(List<IncidentFact> incidents) {
    Map<String, Integer> alerts = new TreeMap<>();
    incidents.forEach(incident -> incident.alertsOrNone().forEach((name, count) -> alerts.merge(name, count, Integer::sum)));
    return alerts;
  }

  /**
   * The facts as a reader who may not read these (restricted) incidents sees them: the incidents,
   * their alerts and their emergency plans are left out, and a change does not name them.
   */
  RetroFacts without(Set<String> restrictedIncidents) {
    if (restrictedIncidents.isEmpty()) {
      return this;
    }
    List<IncidentFact> visible = incidents.stream()
        .filter(incident -> !restrictedIncidents.contains(incident.incidentKey())).toList();
    return new RetroFacts(
        changes.stream().map(change -> restrictedIncidents.contains(change.incidentKey()) ? change.withoutIncident() : change)
            .toList(),
        visible, alertsOf(visible),
        emergencyPlans.stream().filter(plan -> !restrictedIncidents.contains(plan.incidentKey())).toList(), feedback,
        usage, note);
  }

  /** @param feedback its version's feedback against the previous version's; null in facts gathered before */
  public record ChangeFact(String changeKey, String version, String title, ChangeType changeType, ChangeRisk risk,
      ApprovalRoute approvalRoute, List<String> approvals, Instant gateOpenedAt, Instant deployedAt,
      DeploymentStatus deploymentStatus, ChangeOutcome outcome, String incidentKey, ReleaseComparison feedback) {

    ChangeFact withoutIncident() {
      return new ChangeFact(changeKey, version, title, changeType, risk, approvalRoute, approvals, gateOpenedAt,
          deployedAt, deploymentStatus, outcome, null, feedback);
    }
  }

  /**
   * The feedback on the service in the window (各类用户的建议和意见).
   *
   * @param averageScore -1 … 1, null without items
   * @param shares items per sentiment ({@code positive}, {@code neutral}, {@code negative}) / all items
   * @param averageRating 1 … 5, null when no item had a rating
   * @param topComplaints the terms most often in negative items, most frequent first
   * @param samples per channel code: a few items, negatives first, then suggestions
   */
  public record FeedbackFact(long volume, Double averageScore, Map<String, Double> shares, Double averageRating,
      List<Insights.TermCount> topComplaints, Map<String, List<FeedbackSample>> samples) {
  }

  /**
   * A feature's use in the window (用户行为分析), from the daily aggregates.
   *
   * @param share its active users over the service's; null without the service's figures
   * @param flags the codes of what the usage report points out
   */
  public record UsageFact(String feature, long uses, Double share, List<String> flags) {
  }

  /** @param suggestion whether the item asks for something */
  public record FeedbackSample(long id, String version, Sentiment sentiment, double score, Integer rating,
      Instant occurredAt, boolean suggestion, String text) {
  }

  /**
   * @param ackSlaHeld null while the incident is open
   * @param alerts occurrences by alert name (missing in facts gathered before it was recorded per incident)
   */
  public record IncidentFact(String incidentKey, String title, String priority, String state, Instant openedAt,
      Instant closedAt, Long secondsToAcknowledge, Long secondsToResolve, Boolean ackSlaHeld, Boolean resolveSlaHeld,
      Map<String, Integer> alerts) {

    Map<String, Integer> alertsOrNone() {
      return alerts == null ? Map.of() : alerts;
    }
  }

  public record PlanFact(String activationKey, String planKey, String incidentKey, boolean drill, PlanOutcome outcome,
      Instant startedAt, Instant endedAt) {
  }
}
