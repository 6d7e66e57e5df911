package io.opsflow.incident.steps;

import static io.opsflow.kernel.process.ProcessVariables.strictCode;
import static io.opsflow.kernel.process.ProcessVariables.strictText;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incidents;
import io.opsflow.incident.Sla;
import io.opsflow.notify.Notification;
import io.opsflow.notify.Notifier;
import io.opsflow.security.Groups;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * Escalate to managers: the open acknowledge or resolve work (input parameter {@code sla}) gets
 * {@code manager} as a further candidate group. Nobody loses the task; managers can now take it.
 */
@Component("escalateToManager")
class EscalateToManager implements JavaDelegate {

  static final List<String> TRIAGE = List.of("Task_AcknowledgeTriage");
  static final List<String> RESOLUTION = List.of("Task_DiagnoseMitigate", "Task_VerifyResolution");

  private final TaskService taskService;
  private final Notifier notifier;
  private final Incidents incidents;

  EscalateToManager(TaskService taskService, Notifier notifier, Incidents incidents) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.incidents = incidents;
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
    incidents.addEntry(key, "escalated", "opsflow", "The " + sla.code() + " work is escalated: managers may take "
        + open.stream().map(Task::getName).toList());
    notifier.send(new Notification(key, List.of(Groups.MANAGER),
        key + ": escalated to managers, " + sla.code() + " SLA long overdue", strictText(execution, IncidentVariables.FACTS)));
  }
}
