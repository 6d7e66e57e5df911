package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.incident.Incidents;

/** After "Decide if major": records a major incident on the incident and its timeline. */
@Component("recordMajor")
class RecordMajor implements ExecutionListener {

  private final Incidents incidents;

  RecordMajor(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (ProcessVariables.strictFlag(execution, IncidentVariables.MAJOR)) {
      incidents.markMajor(IncidentVariables.incidentKey(execution));
    }
  }
}
