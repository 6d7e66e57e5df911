package io.opsflow.incident.steps;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.PriorityDecision;

/** After "Determine priority": stores the decision on the incident and sets the SLA timers' dates. */
@Component("recordPriority")
class RecordPriority implements ExecutionListener {

  private final Incidents incidents;

  RecordPriority(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    PriorityDecision decision = PriorityDecision.of(
        ProcessVariables.strictDecisionResult(execution, IncidentVariables.PRIORITY_RESULT));
    Incident incident = incidents.setPriority(IncidentVariables.incidentKey(execution), decision, "opsflow", null);
    execution.removeVariable(IncidentVariables.PRIORITY_RESULT);
    IncidentFacts.apply(incident, execution, incidents);
  }
}
