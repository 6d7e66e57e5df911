package io.opsflow.incident.steps;

import static io.opsflow.kernel.process.ProcessVariables.strictCode;
import static io.opsflow.kernel.process.ProcessVariables.strictText;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Sla;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.security.Groups;

/**
 * Notify SLA breach: the acknowledge or resolve target (input parameter {@code sla}) has passed.
 * The task stays where it is, one step more urgent ({@link SlaLateness}); whoever holds the work and
 * the managers are told ({@code incident.sla-breached}, once per SLA).
 */
@Component("notifySlaBreach")
class NotifySlaBreach implements JavaDelegate {

  private final Incidents incidents;
  private final IncidentNotices notices;
  private final TaskService tasks;
  private final SlaLateness lateness;

  NotifySlaBreach(Incidents incidents, IncidentNotices notices, TaskService tasks, SlaLateness lateness) {
    this.lateness = lateness;
    this.incidents = incidents;
    this.notices = notices;
    this.tasks = tasks;
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
    Incident incident = incidents.find(key).orElseThrow();
    lateness.raise(incident, sla, SlaLateness.BREACHED, execution);
    Task open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn((sla == Sla.ACKNOWLEDGE ? EscalateToManager.TRIAGE : EscalateToManager.RESOLUTION)
            .toArray(String[]::new)).list().stream().findFirst().orElse(null);
    notices.publish(notices.about(NoticeEvent.INCIDENT_SLA_BREACHED, sla.code(), incident, holders,
        IncidentNotices.facts("sla", sla,
            "deadline", sla == Sla.ACKNOWLEDGE ? incident.ackDueAt() : incident.resolveDueAt()))
        .withTask(open == null ? null : open.getId()));
  }
}
