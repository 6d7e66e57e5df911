package io.opsflow.incident;

import static io.opsflow.incident.IncidentVariables.string;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.opsflow.platform.InvalidTaskInput;
import io.opsflow.security.Visibility;
import org.springframework.stereotype.Component;

/**
 * Register incident: incidents opened through the API or an alert are already recorded and come
 * with their key, once; one reported in Tasklist is recorded here, after the form's input is
 * checked again on the server. Either way the instance becomes readable by all staff, unless the
 * incident is restricted.
 */
@Component("registerIncident")
class RegisterIncident implements JavaDelegate {

  private final Incidents incidents;
  private final Visibility visibility;
  private final HistoryService historyService;

  RegisterIncident(Incidents incidents, Visibility visibility, HistoryService historyService) {
    this.incidents = incidents;
    this.visibility = visibility;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    Incident incident = key != null ? recorded(key) : registerTasklistReport(execution);
    visibility.apply(execution.getProcessInstanceId(), incident.restricted());
  }

  /**
   * A second process for a recorded incident, started through /engine-rest with its key, would
   * copy the incident's facts into a process its starter reads, restricted or not: refused.
   */
  private Incident recorded(String key) {
    Incident incident = incidents.find(key).orElseThrow(() -> new InvalidTaskInput("report the incident",
        List.of("incidentKey " + key + " is not an incident")));
    // the process starting now is not flushed yet: any process found is another one
    if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Incidents.PROCESS_KEY)
        .processInstanceBusinessKey(key).count() > 0) {
      throw new InvalidTaskInput("report the incident", List.of("incident " + key
          + " has its process already; report a new incident without incidentKey"));
    }
    return incident;
  }

  private Incident registerTasklistReport(DelegateExecution execution) {
    IncidentReport report = new IncidentReport(string(execution, IncidentVariables.SERVICE),
        string(execution, IncidentVariables.TITLE), string(execution, IncidentVariables.DESCRIPTION),
        string(execution, IncidentVariables.IMPACT), string(execution, IncidentVariables.URGENCY), "tasklist",
        reporter(execution), string(execution, IncidentVariables.CATEGORY));
    List<String> problems = report.problems();
    if (!problems.isEmpty()) {
      throw new InvalidTaskInput("report the incident", problems);
    }
    Incident incident = incidents.register(report);
    execution.setProcessBusinessKey(incident.incidentKey());
    execution.setVariables(Incidents.startVariables(incident));
    return incident;
  }

  private static String reporter(DelegateExecution execution) {
    String reporter = string(execution, IncidentVariables.REPORTER);
    return reporter == null ? "tasklist" : reporter;
  }
}
