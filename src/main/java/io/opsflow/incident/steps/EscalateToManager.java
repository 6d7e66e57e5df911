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
import io.opsflow.oncall.Escalation;
import io.opsflow.security.Groups;

/**
 * Escalate to managers: the open acknowledge or resolve work (input parameter {@code sla}) gets
 * {@code manager} as a further candidate group, and managers are paged with {@code incident.escalated}.
 * For the acknowledgement this is level 3 of the escalation: the people of the policy's third level
 * (the {@code manager} group's members by default) are mentioned. Nobody loses the task; managers can
 * now take it, and it is two steps more urgent than the incident's priority ({@link SlaLateness}).
 */
@Component("escalateToManager")
class EscalateToManager implements JavaDelegate {

  static final List<String> TRIAGE = List.of("Task_AcknowledgeTriage");
  static final List<String> RESOLUTION = List.of("Task_DiagnoseMitigate", "Task_VerifyResolution");
  static final int LEVEL = 3;

  private final TaskService taskService;
  private final Incidents incidents;
  private final IncidentNotices notices;
  private final SlaLateness lateness;

  EscalateToManager(TaskService taskService, Incidents incidents, IncidentNotices notices, SlaLateness lateness) {
    this.lateness = lateness;
    this.taskService = taskService;
    this.incidents = incidents;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    Sla sla = strictCode(execution, "sla", Sla.class);
    if (sla == Sla.RESOLVE) {
      // diagnosis reopened after a failed verification keeps managers as candidates
      execution.setVariable(IncidentVariables.RESOLVE_ESCALATED, true);
    }
    List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn((sla == Sla.ACKNOWLEDGE ? TRIAGE : RESOLUTION).toArray(String[]::new)).list();
    open.forEach(task -> taskService.addCandidateGroup(task.getId(), Groups.MANAGER));
    Incident incident = incidents.find(key).orElseThrow();
    lateness.raise(incident, sla, SlaLateness.ESCALATED, execution);
    List<String> holders = new ArrayList<>(sla == Sla.ACKNOWLEDGE ? IncidentVariables.onCall(execution)
        : List.of(strictText(execution, IncidentVariables.DIAGNOSIS_GROUP)));
    holders.add(Groups.MANAGER);
    List<String> managers = List.of();
    String paged = "group " + Groups.MANAGER;
    if (sla == Sla.ACKNOWLEDGE) {
      Escalation escalation = notices.escalation(incident);
      if (escalation.levels().size() >= LEVEL) {
        Escalation.Step step = escalation.levels().get(LEVEL - 1);
        managers = step.userIds();
        paged = notices.names(step);
        if (step.group() != null && !holders.contains(step.group())) {
          holders.add(step.group());
        }
      }
    }
    notices.publish(notices.about(NoticeEvent.INCIDENT_ESCALATED,
        sla == Sla.ACKNOWLEDGE ? "level-" + LEVEL : "resolve", incident, holders,
        IncidentNotices.facts("level", sla == Sla.ACKNOWLEDGE ? Integer.toString(LEVEL) : Groups.MANAGER,
            "deadline", sla == Sla.ACKNOWLEDGE ? incident.ackDueAt() : incident.resolveDueAt(), "onCall", paged))
        .withTask(open.isEmpty() ? null : open.get(0).getId()).withMention(managers));
    boolean paging = sla == Sla.ACKNOWLEDGE;
    incidents.escalated(key, incidents.say("timeline.escalated.to-managers", "sla", sla, "tasks",
        open.stream().map(Task::getName).map(name -> incidents.say("task", "name", name)).toList(), "level",
        paging ? LEVEL : null, "paged", paging ? paged : null));
  }
}
