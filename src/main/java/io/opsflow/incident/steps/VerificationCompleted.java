package io.opsflow.incident.steps;

import io.opsflow.incident.Incidents;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Verify resolution": verified must be decided; a failed check needs a note and reopens diagnosis. */
@Component("verificationCompleted")
class VerificationCompleted implements TaskListener {

  private final Incidents incidents;

  VerificationCompleted(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void notify(DelegateTask task) {
    FormCheck check = incidents.formCheck("form.verification");
    Boolean verified = check.flag(task, IncidentVariables.VERIFIED);
    String note = check.text(task, IncidentVariables.VERIFICATION_NOTE);
    check.requireThat(verified != null, "form.verified")
        .requireThat(!Boolean.FALSE.equals(verified) || note != null, "form.verification-note")
        .orRefuse();
    String key = IncidentVariables.incidentKey(task);
    if (verified) {
      incidents.addEntry(key, "verified", TaskActor.of(task), incidents.say("timeline.verified", "note", note));
    } else {
      incidents.verificationFailed(key, TaskActor.of(task), note);
    }
  }
}
