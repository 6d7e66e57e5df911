package io.opsflow.incident.steps;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.oncall.Escalation;

/**
 * Notify on-call: finds level 1 of the incident's escalation (the person on call now in the on-call
 * group's schedules, or the group when nobody is scheduled) and when levels 2 and 3 are due. The page itself,
 * {@code incident.opened}, goes out when the triage task exists, so that it links to it
 * ({@link PageOnCall}).
 */
@Component("notifyOnCall")
class NotifyOnCall implements JavaDelegate {

  private final Incidents incidents;
  private final IncidentNotices notices;

  NotifyOnCall(Incidents incidents, IncidentNotices notices) {
    this.incidents = incidents;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    Incident incident = incidents.find(key).orElseThrow();
    Escalation escalation = notices.escalation(incident);
    Escalation.Step first = escalation.levels().isEmpty() ? null : escalation.levels().get(0);
    String person = first == null ? "group " + escalation.group() : notices.names(first);
    execution.setVariable(IncidentVariables.ON_CALL_PERSON, person);
    execution.setVariable(IncidentVariables.ON_CALL_USERS, first == null ? "" : String.join(",", first.userIds()));
    execution.setVariable(IncidentVariables.ACKNOWLEDGED, false);
    execution.setVariable(IncidentVariables.ACK_NEXT_LEVEL_AT, Incidents.date(levelAt(incident, escalation, 2)));
    if (!Escalation.BUILT_IN.equals(escalation.policy()) && escalation.levels().size() >= 3) {
      execution.setVariable(IncidentVariables.ACK_ESCALATE_AT, Incidents.date(levelAt(incident, escalation, 3)));
    }
    incidents.onCallNotified(key, person, escalation.group(), escalation.policy());
  }

  /**
   * When a level is paged: after the minutes a service's or group's policy gives it, counted from the
   * incident's opening. Without a policy the incident's acknowledge SLA sets the pace: level 2 when it
   * passes, level 3 (managers) one more SLA period later (the model's "Acknowledge long overdue").
   */
  static Instant levelAt(Incident incident, Escalation escalation, int level) {
    if (Escalation.BUILT_IN.equals(escalation.policy()) || escalation.levels().size() < level) {
      return level == 2 ? incident.ackDueAt()
          : incident.ackDueAt().plus(Duration.between(incident.openedAt(), incident.ackDueAt()));
    }
    return incident.openedAt().plus(escalation.levels().get(level - 1).afterMinutes(), ChronoUnit.MINUTES);
  }
}
