package io.opsflow.incident.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.notify.NoticeEvent;

/**
 * Close incident: stores the times to acknowledge and resolve (later alerts open a new incident) and
 * tells the on-call group ({@code incident.closed}).
 */
@Component("closeIncident")
class CloseIncident implements JavaDelegate {

  private final Incidents incidents;
  private final IncidentNotices notices;

  CloseIncident(Incidents incidents, IncidentNotices notices) {
    this.incidents = incidents;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Incident closed = incidents.close(IncidentVariables.incidentKey(execution));
    execution.setVariable("secondsToAcknowledge", closed.secondsToAcknowledge());
    execution.setVariable("secondsToResolve", closed.secondsToResolve());
    notices.publish(notices.about(NoticeEvent.INCIDENT_CLOSED, null, closed, IncidentVariables.onCall(execution),
        IncidentNotices.facts("resolution", closed.resolutionSummary())).withLink("/api/incidents/" + closed.incidentKey()));
  }
}
