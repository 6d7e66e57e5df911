package io.opsflow.incident.steps;

import static io.opsflow.kernel.process.ProcessVariables.strictText;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.notify.NoticeEvent;

/**
 * Creating "Acknowledge &amp; triage" (a named create listener in the model): publishes
 * {@code incident.opened}, mentioning the person on call found by "Notify on-call" and linking this
 * task, so the page leads straight to where acknowledging happens.
 */
@Component("pageOnCall")
class PageOnCall implements TaskListener {

  private final Incidents incidents;
  private final IncidentNotices notices;

  PageOnCall(Incidents incidents, IncidentNotices notices) {
    this.incidents = incidents;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    Incident incident = incidents.find(IncidentVariables.incidentKey(task)).orElseThrow();
    String users = strictText(task, IncidentVariables.ON_CALL_USERS);
    notices.publish(notices.about(NoticeEvent.INCIDENT_OPENED, null, incident, IncidentVariables.onCall(task),
        IncidentNotices.facts("deadline", incident.ackDueAt(), "onCall", strictText(task, IncidentVariables.ON_CALL_PERSON)))
        .withTask(task.getId())
        .withMention(users == null ? null : Arrays.stream(users.split(",")).filter(id -> !id.isBlank()).toList()));
  }
}
