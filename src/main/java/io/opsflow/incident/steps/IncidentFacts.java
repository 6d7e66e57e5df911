package io.opsflow.incident.steps;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.TaskPriority;

/**
 * Copies an incident's priority (also as the priority of its tasks), SLA dates and a readable
 * summary into process variables.
 */
final class IncidentFacts {

  private IncidentFacts() {
  }

  static void apply(Incident incident, VariableScope scope, Incidents incidents) {
    scope.setVariable(IncidentVariables.PRIORITY, Codes.codeOf(incident.priority()));
    scope.setVariable(TaskPriority.VARIABLE, incident.priority().taskPriority());
    scope.setVariable(IncidentVariables.ACK_DUE_AT, Incidents.date(incident.ackDueAt()));
    scope.setVariable(IncidentVariables.ACK_ESCALATE_AT, Incidents.date(twice(incident.openedAt(), incident.ackDueAt())));
    scope.setVariable(IncidentVariables.RESOLVE_DUE_AT, Incidents.date(incident.resolveDueAt()));
    scope.setVariable(IncidentVariables.RESOLVE_ESCALATE_AT,
        Incidents.date(twice(incident.openedAt(), incident.resolveDueAt())));
    scope.setVariable(IncidentVariables.FACTS, facts(incident, incidents));
  }

  /** Escalation to managers comes one more SLA period after the target was missed. */
  private static Instant twice(Instant opened, Instant due) {
    return due.plus(Duration.between(opened, due));
  }

  static String facts(Incident incident, Incidents incidents) {
    return String.join("\n",
        incident.incidentKey() + " (" + incident.priority() + "): " + incident.title(),
        incidents.say("facts.service", "service", incidents.serviceLabel(incident), "group", incident.onCallGroup()),
        incidents.say("facts.impact", "impact", incident.impact(), "urgency", incident.urgency()),
        incidents.say("facts.opened", "openedAt", incident.openedAt(), "reportedBy", incident.reportedBy(), "source",
            incident.source()),
        incidents.say("facts.due", "ackDue", incident.ackDueAt(), "resolveDue", incident.resolveDueAt()));
  }
}
