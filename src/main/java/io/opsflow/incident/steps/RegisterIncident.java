package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.OwnProcess;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.security.Visibility;

/**
 * Register incident: incidents opened through the API or an alert are already recorded and come
 * with their key, once; one reported in Tasklist (or started through /engine-rest) is recorded
 * here, after its input is checked again on the server. A start for an incident that already has
 * its process is refused: it would copy the incident's facts into a process its starter reads.
 * Either way the instance becomes readable by all staff, unless the incident is restricted, and
 * it learns the service's lifecycle state ({@code serviceLifecycle}), which the
 * {@code incident-priority} decision next raises the priority by for a service in its launch.
 */
@Component("registerIncident")
class RegisterIncident implements JavaDelegate {

  private final Incidents incidents;
  private final Visibility visibility;
  private final ServiceLifecycle lifecycle;

  RegisterIncident(Incidents incidents, Visibility visibility, ServiceLifecycle lifecycle) {
    this.incidents = incidents;
    this.visibility = visibility;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormCheck check = FormCheck.of("report the incident");
    String key = check.text(execution, IncidentVariables.INCIDENT_KEY);
    Incident incident = key != null ? recorded(execution, check, key) : registerTasklistReport(execution, check);
    visibility.apply(execution.getProcessInstanceId(), incident.restricted());
    execution.setVariable(IncidentVariables.SERVICE_LIFECYCLE,
        Codes.codeOf(lifecycle.find(incident.serviceKey()).orElse(null)));
  }

  private Incident recorded(DelegateExecution execution, FormCheck check, String key) {
    Incident incident = incidents.find(key).orElse(null);
    check.require(incident != null, "incidentKey " + key + " is not an incident")
        .require(incident == null || !OwnProcess.takenByAnother(execution, key),
            "incident " + key + " has its process already; report a new incident without incidentKey")
        .orRefuse();
    return incident;
  }

  private Incident registerTasklistReport(DelegateExecution execution, FormCheck check) {
    IncidentReport report = new IncidentReport(check.text(execution, IncidentVariables.SERVICE),
        check.text(execution, IncidentVariables.TITLE), check.text(execution, IncidentVariables.DESCRIPTION),
        check.text(execution, IncidentVariables.IMPACT), check.text(execution, IncidentVariables.URGENCY), IncidentSource.TASKLIST,
        reporter(execution, check), check.text(execution, IncidentVariables.CATEGORY));
    report.problems().forEach(problem -> check.require(false, problem));
    check.orRefuse();
    Incident incident = incidents.register(report);
    execution.setProcessBusinessKey(incident.incidentKey());
    execution.setVariables(incidents.startVariables(incident));
    return incident;
  }

  /** The person who started it; the initiator variable only when nobody is signed in. */
  private static String reporter(DelegateExecution execution, FormCheck check) {
    String reporter = TaskActor.authenticated()
        .orElseGet(() -> check.text(execution, IncidentVariables.REPORTER, 64));
    return reporter == null ? "tasklist" : reporter;
  }
}
