package io.opsflow.incident.steps;

import io.opsflow.incident.Incidents;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Diagnose &amp; mitigate": a resolution summary is required; the incident is resolved. */
@Component("mitigationCompleted")
class MitigationCompleted implements TaskListener {

  private final Incidents incidents;

  MitigationCompleted(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = incidents.formCheck("form.diagnosis");
    String summary = check.text(task, IncidentVariables.RESOLUTION_SUMMARY);
    check.requireThat(summary != null, "form.resolution-summary")
        .requireThat(summary == null || summary.length() <= 4000, "form.resolution-summary-max")
        .orRefuse();
    incidents.resolve(IncidentVariables.incidentKey(task), TaskActor.of(task), summary);
  }
}
