package io.opsflow.incident.steps;

import static io.opsflow.kernel.process.ProcessVariables.strictCode;
import static io.opsflow.kernel.process.ProcessVariables.strictText;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incidents;
import io.opsflow.incident.Priority;
import io.opsflow.incident.Sla;
import io.opsflow.notify.Notification;
import io.opsflow.notify.Notifier;
import io.opsflow.security.Groups;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * Notify SLA breach: the acknowledge or resolve target (input parameter {@code sla}) has passed.
 * The task stays where it is; on-call and managers are told.
 */
@Component("notifySlaBreach")
class NotifySlaBreach implements JavaDelegate {

  private final Notifier notifier;
  private final Incidents incidents;

  NotifySlaBreach(Notifier notifier, Incidents incidents) {
    this.notifier = notifier;
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    Sla sla = strictCode(execution, "sla", Sla.class);
    incidents.slaBreached(key, sla);
    // whoever holds the work: on-call before triage, the diagnosing group after it
    List<String> holders = new ArrayList<>(sla == Sla.ACKNOWLEDGE ? IncidentVariables.onCall(execution)
        : List.of(strictText(execution, IncidentVariables.DIAGNOSIS_GROUP)));
    holders.add(Groups.MANAGER);
    notifier.send(new Notification(key, holders,
        key + ": " + sla.code() + " SLA breached (" + strictCode(execution, IncidentVariables.PRIORITY, Priority.class) + ")",
        strictText(execution, IncidentVariables.FACTS)));
  }
}
