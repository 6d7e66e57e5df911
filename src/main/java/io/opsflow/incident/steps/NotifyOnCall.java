package io.opsflow.incident.steps;

import static io.opsflow.kernel.process.ProcessVariables.strictCode;
import static io.opsflow.kernel.process.ProcessVariables.strictText;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incidents;
import io.opsflow.incident.Priority;
import io.opsflow.notify.Notification;
import io.opsflow.notify.Notifier;
import io.opsflow.kernel.process.ProcessVariables;

/** Notify on-call: tells the service's on-call group about the new incident. */
@Component("notifyOnCall")
class NotifyOnCall implements JavaDelegate {

  private final Notifier notifier;
  private final Incidents incidents;

  NotifyOnCall(Notifier notifier, Incidents incidents) {
    this.notifier = notifier;
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    List<String> groups = IncidentVariables.onCall(execution);
    List<String> channels = notifier.send(new Notification(key, groups,
        "[" + strictCode(execution, IncidentVariables.PRIORITY, Priority.class) + "] " + key + " " + strictText(execution, IncidentVariables.TITLE),
        strictText(execution, IncidentVariables.FACTS)));
    incidents.addEntry(key, "notified", "opsflow", "On-call " + String.join(", ", groups) + " notified via " + String.join(", ", channels));
  }
}
