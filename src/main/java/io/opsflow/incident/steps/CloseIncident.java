package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;

/** Close incident: stores the times to acknowledge and resolve; later alerts open a new incident. */
@Component("closeIncident")
class CloseIncident implements JavaDelegate {

  private final Incidents incidents;

  CloseIncident(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident closed = incidents.close(IncidentVariables.incidentKey(execution));
    execution.setVariable("secondsToAcknowledge", closed.secondsToAcknowledge());
    execution.setVariable("secondsToResolve", closed.secondsToResolve());
  }
}
