package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incidents;

/**
 * Claiming "Acknowledge &amp; triage" (a named assignment listener in the model) acknowledges the
 * incident: the first claim is recorded on the incident and stops the escalation (variable
 * {@code acknowledged}, asked by the escalation's gateways). Unclaiming, or handing the task to
 * someone else, changes neither.
 */
@Component("triageClaimed")
class TriageClaimed implements TaskListener {

  private final Incidents incidents;

  TriageClaimed(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() == null) {
      return;
    }
    incidents.claimed(IncidentVariables.incidentKey(task), task.getAssignee());
    task.getExecution().setVariable(IncidentVariables.ACKNOWLEDGED, true);
  }
}
