package io.opsflow.incident;

import io.opsflow.platform.FormCheck;
import io.opsflow.platform.TaskActor;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Run emergency plan": the plan's outcome is recorded on the incident. */
@Component("emergencyPlanCompleted")
class EmergencyPlanCompleted implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("restored", "mitigated", "aborted");

  private final Incidents incidents;

  EmergencyPlanCompleted(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = FormCheck.of("complete the emergency plan");
    String outcome = check.text(task, IncidentVariables.PLAN_OUTCOME);
    String notes = check.text(task, IncidentVariables.PLAN_NOTES);
    check.require(OUTCOMES.contains(outcome), "planOutcome must be restored, mitigated or aborted").orRefuse();
    incidents.addEntry(IncidentVariables.incidentKey(task), "emergency-plan", TaskActor.of(task),
        "Emergency plan finished: " + outcome + (notes == null ? "" : ". " + notes));
  }
}
