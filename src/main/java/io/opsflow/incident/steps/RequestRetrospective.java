package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incidents;

/**
 * Request retrospective: records that one is due and sends {@code RetrospectiveRequested} with the
 * incident key; post-launch-retrospective starts at once and ignores repeats.
 */
@Component("requestRetrospective")
class RequestRetrospective implements JavaDelegate {

  private final Incidents incidents;

  RequestRetrospective(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    incidents.retrospectiveDue(key);
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("RetrospectiveRequested")
        .setVariable("subjectType", "incident").setVariable("subjectKey", key)
        .correlateStartMessage();
  }
}
