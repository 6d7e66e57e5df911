package io.opsflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Request retrospective: until the post-launch-retrospective process exists, the incident records
 * that a retrospective is due (visible in the API and its timeline).
 */
@Component("requestRetrospective")
class RequestRetrospective implements JavaDelegate {

  private final Incidents incidents;

  RequestRetrospective(Incidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.retrospectiveDue(IncidentVariables.incidentKey(execution));
  }
}
