package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.opsflow.incident.IncidentRetrospectiveRequested;
import io.opsflow.incident.Incidents;

/**
 * Request retrospective: records that one is due and publishes {@link IncidentRetrospectiveRequested};
 * post-launch-retrospective starts at once, in this transaction, and ignores repeats.
 */
@Component("requestRetrospective")
class RequestRetrospective implements JavaDelegate {

  private final Incidents incidents;
  private final ApplicationEventPublisher events;

  RequestRetrospective(Incidents incidents, ApplicationEventPublisher events) {
    this.incidents = incidents;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    incidents.retrospectiveDue(key);
    events.publishEvent(new IncidentRetrospectiveRequested(key));
  }
}
