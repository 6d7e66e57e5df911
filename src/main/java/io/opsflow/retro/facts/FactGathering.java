package io.opsflow.retro.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.opsflow.change.ChangeDetails;
import io.opsflow.change.Changes;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.incident.IncidentDetails;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.text.Texts;
import io.opsflow.retro.RetroFacts;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.SubjectType;

/**
 * Gathers a retrospective's facts from the other modules: the change, every incident on the
 * service in the window (with times and whether its SLAs held), their alerts by name, and the
 * emergency plans they ran. An incident a change's failed deployment opened always belongs to
 * that change's facts, and the change to the incident's.
 */
@Component
public class FactGathering {

  /** At most this many changes and incidents of the window are listed, so the facts always fit their column. */
  static final int MAX_LISTED = 1000;

  private final Changes changes;
  private final Incidents incidents;
  private final EmergencyPlans plans;

  FactGathering(Changes changes, Incidents incidents, EmergencyPlans plans) {
    this.changes = changes;
    this.incidents = incidents;
    this.plans = plans;
  }

  public RetroFacts gather(Retrospective retro) {
    Map<String, ChangeDetails> changeDetails = new LinkedHashMap<>();
    Map<String, IncidentDetails> incidentDetails = new LinkedHashMap<>();
    if (retro.subjectType() == SubjectType.CHANGE) {
      changes.details(retro.subjectKey()).ifPresent(change -> changeDetails.put(change.change().changeKey(), change));
    }
    if (retro.subjectType() == SubjectType.INCIDENT) {
      incidents.details(retro.subjectKey()).ifPresent(incident -> incidentDetails.put(retro.subjectKey(), incident));
      changes.linkedTo(retro.subjectKey()).ifPresent(change -> changeDetails.put(change.change().changeKey(), change));
    }
    List<ChangeDetails> inWindow = changes.onServiceBetween(retro.serviceKey(), retro.windowStart(), retro.windowEnd(),
        MAX_LISTED + 1);
    inWindow.stream().limit(MAX_LISTED).forEach(change -> changeDetails.putIfAbsent(change.change().changeKey(), change));
    for (ChangeDetails change : changeDetails.values()) {
      if (change.change().incidentKey() != null) {
        incidents.details(change.change().incidentKey())
            .ifPresent(incident -> incidentDetails.putIfAbsent(incident.incident().incidentKey(), incident));
      }
    }
    List<IncidentDetails> openedInWindow = incidents.onServiceBetween(retro.serviceKey(), retro.windowStart(),
        retro.windowEnd(), MAX_LISTED + 1);
    openedInWindow.stream().limit(MAX_LISTED)
        .forEach(incident -> incidentDetails.putIfAbsent(incident.incident().incidentKey(), incident));
    boolean more = inWindow.size() > MAX_LISTED || openedInWindow.size() > MAX_LISTED;

    List<RetroFacts.IncidentFact> incidentFacts = incidentDetails.values().stream().map(FactGathering::incidentFact).toList();
    Set<String> incidentKeys = new LinkedHashSet<>(incidentDetails.keySet());
    return new RetroFacts(
        changeDetails.values().stream().map(FactGathering::changeFact).toList(),
        incidentFacts,
        RetroFacts.alertsOf(incidentFacts),
        plans.activationsFor(incidentKeys).stream()
            .map(activation -> new RetroFacts.PlanFact(activation.activationKey(), activation.planKey(),
                activation.incidentKey(), activation.drill(), activation.outcome(), activation.startedAt(),
                activation.endedAt()))
            .toList(),
        more ? "The window holds more than " + MAX_LISTED + " changes or incidents; the first " + MAX_LISTED
            + " of each are listed." : null);
  }

  private static RetroFacts.ChangeFact changeFact(ChangeDetails details) {
    var change = details.change();
    List<String> approvals = new ArrayList<>();
    details.approvals().forEach(approval -> approvals.add(approval.approvalGroup() + ": "
        + (approval.approved() ? "approved" : "rejected") + " by " + approval.decidedBy()));
    return new RetroFacts.ChangeFact(change.changeKey(), change.version(), change.title(), change.changeType(),
        change.risk(), change.approvalRoute(), approvals, change.gateOpenedAt(), change.deployedAt(),
        change.deploymentStatus(), change.outcome(), change.incidentKey());
  }

  private static RetroFacts.IncidentFact incidentFact(IncidentDetails details) {
    var incident = details.incident();
    boolean closed = incident.closedAt() != null;
    Map<String, Integer> alerts = new TreeMap<>();
    details.alerts().forEach(alert -> alerts.merge(alert.alertName(), alert.occurrences(), Integer::sum));
    return new RetroFacts.IncidentFact(incident.incidentKey(), incident.title(), Incidents.code(incident.priority()),
        incident.state().code(),
        incident.openedAt(), incident.closedAt(),
        secondsUntil(incident.secondsToAcknowledge(), incident.openedAt(), incident.acknowledgedAt()),
        secondsUntil(incident.secondsToResolve(), incident.openedAt(), incident.resolvedAt()),
        closed ? !incident.ackSlaBreached() : null, closed ? !incident.resolveSlaBreached() : null, alerts);
  }

  /**
   * The incident stores its times to acknowledge and resolve only when it closes; an incident
   * still open when the facts are gathered has them from its acknowledge and resolve moments.
   */
  static Long secondsUntil(Long stored, Instant openedAt, Instant reached) {
    if (stored != null) {
      return stored;
    }
    return reached == null || openedAt == null ? null : Duration.between(openedAt, reached).toSeconds();
  }

  /** The facts as plain text for the read-only field of the forms. */
  public static String text(Retrospective retro, RetroFacts facts) {
    List<String> lines = new ArrayList<>();
    lines.add(retro.retroKey() + ": " + retro.serviceKey() + ", " + Texts.TIME.format(retro.windowStart()) + " to "
        + Texts.TIME.format(retro.windowEnd()) + (retro.subjectKey() == null ? "" : " (after " + retro.subjectKey() + ")"));
    facts.changes().forEach(change -> lines.add("Change " + change.changeKey() + " " + change.version() + ": "
        + code(change.changeType()) + ", risk " + code(change.risk()) + ", route " + code(change.approvalRoute())
        + ", deployment " + (change.deploymentStatus() == null ? "not reported" : change.deploymentStatus().code())
        + ", outcome " + (change.outcome() == null ? "open" : change.outcome().code())
        + (change.incidentKey() == null ? "" : ", incident " + change.incidentKey())));
    facts.incidents().forEach(incident -> lines.add("Incident " + incident.incidentKey() + " " + incident.priority()
        + ": " + incident.title() + " (" + incident.state() + ", acknowledged after " + minutes(incident.secondsToAcknowledge())
        + ", resolved after " + minutes(incident.secondsToResolve()) + ", SLAs " + sla(incident) + ")"));
    if (!facts.alertsByName().isEmpty()) {
      lines.add("Alerts: " + facts.alertsByName());
    }
    facts.emergencyPlans().forEach(plan -> lines.add("Emergency plan " + plan.activationKey() + " (" + plan.planKey()
        + "): " + (plan.outcome() == null ? "running" : plan.outcome().code())));
    if (facts.note() != null) {
      lines.add(facts.note());
    }
    if (facts.changes().isEmpty() && facts.incidents().isEmpty()) {
      lines.add("No changes or incidents on the service in the window.");
    }
    return String.join("\n", lines);
  }

  /** A value as people read it: its code ("null" when there is none yet, as text has always said). */
  public static String code(Coded value) {
    return value == null ? "null" : value.code();
  }

  public static String minutes(Long seconds) {
    return seconds == null ? "-" : (seconds / 60) + " min";
  }

  public static String sla(RetroFacts.IncidentFact incident) {
    if (incident.ackSlaHeld() == null) {
      return "open";
    }
    return (incident.ackSlaHeld() ? "acknowledge held" : "acknowledge MISSED") + ", "
        + (incident.resolveSlaHeld() ? "resolve held" : "resolve MISSED");
  }
}
