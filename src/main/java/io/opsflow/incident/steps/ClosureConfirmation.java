package io.opsflow.incident.steps;

import io.opsflow.incident.Incidents;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Confirm closure" after every alert resolved: confirmed closes the incident, declined keeps it going. */
@Component("closureConfirmation")
class ClosureConfirmation implements TaskListener {

  private final Incidents incidents;

  ClosureConfirmation(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = incidents.formCheck("form.closure");
    Boolean confirmed = check.flag(task, IncidentVariables.CLOSURE_CONFIRMED);
    String note = check.text(task, IncidentVariables.CLOSURE_NOTE);
    check.requireThat(confirmed != null, "form.closure-confirmed")
        .requireThat(!Boolean.FALSE.equals(confirmed) || note != null, "form.closure-note")
        .orRefuse();
    String key = IncidentVariables.incidentKey(task);
    if (confirmed) {
      incidents.closeByAlerts(key, TaskActor.of(task), note);
    } else {
      incidents.addEntry(key, "closure-declined", TaskActor.of(task), incidents.say("timeline.closure-declined", "note",
          note));
    }
  }
}
