package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.platform.FormCheck;
import io.opsflow.platform.OwnProcess;
import io.opsflow.platform.TaskActor;

/**
 * Register incident: incidents opened through the API or an alert are already recorded; one reported
 * in Tasklist (or started through /engine-rest) is recorded here, after its input is checked again on
 * the server. A start for an incident that already has its process is refused.
 */
@Component("registerIncident")
class RegisterIncident implements JavaDelegate {

  private final Incidents incidents;

  RegisterIncident(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = FormCheck.of("report the incident");
    String key = check.text(execution, IncidentVariables.INCIDENT_KEY);
    if (key != null) {
      check.require(incidents.find(key).isPresent(), "incidentKey " + key + " is not an incident")
          .require(!OwnProcess.takenByAnother(execution, key),
              "incident " + key + " already has its process; report a new incident without incidentKey")
          .orRefuse();
      return;
    }
    IncidentReport report = new IncidentReport(check.text(execution, IncidentVariables.SERVICE),
        check.text(execution, IncidentVariables.TITLE), check.text(execution, IncidentVariables.DESCRIPTION),
        check.text(execution, IncidentVariables.IMPACT), check.text(execution, IncidentVariables.URGENCY), "tasklist",
        reporter(execution, check));
    report.problems().forEach(problem -> check.require(false, problem));
    check.orRefuse();
    Incident incident = incidents.register(report);
    execution.setProcessBusinessKey(incident.incidentKey());
    execution.setVariables(Incidents.startVariables(incident));
  }

  /** The person who started it; the initiator variable only when nobody is signed in. */
  private static String reporter(DelegateExecution execution, FormCheck check) {
    String reporter = TaskActor.authenticated()
        .orElseGet(() -> check.text(execution, IncidentVariables.REPORTER, 64));
    return reporter == null ? "tasklist" : reporter;
  }
}
