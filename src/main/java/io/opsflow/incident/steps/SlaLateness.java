package io.opsflow.incident.steps;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Priority;
import io.opsflow.incident.Sla;
import io.opsflow.kernel.process.TaskPriority;
import io.opsflow.kernel.text.Installation;

/**
 * How late an incident's open work is, so that Tasklist puts it first: a missed SLA target raises the
 * Camunda priority of the incident's open tasks (and of its emergency plan's) one step above the
 * incident's own (a P3's 50 becomes a P2's 75), the escalation to managers one more (capped at a P1's
 * 100), and the card says it in the column {@value #STATE} ("Resolution overdue", "解决已超时" …).
 * Triage ends the acknowledgement's lateness: the resolution starts on its own clock.
 */
@Component
class SlaLateness {

  /** What the card shows: which target was missed and whether managers were added; none when on time. */
  static final String STATE = IncidentVariables.SLA_STATE;
  /** 0 on time, 1 target missed, 2 escalated to managers. */
  static final String LEVEL = "slaLevel";
  static final int BREACHED = 1;
  static final int ESCALATED = 2;

  private final Installation installation;

  SlaLateness(Installation installation) {
    this.installation = installation;
  }

  /** The target was missed (level 1), or managers were added (level 2): the open tasks rise and say so. */
  void raise(Incident incident, Sla sla, int level, DelegateExecution execution) {
    int reached = Math.max(level, current(execution));
    follow(execution.getProcessEngineServices(), execution.getProcessInstanceId(), incident, reached, text(sla, reached));
  }

  /** Triage is done: the acknowledgement's lateness no longer counts; the tasks take the incident's priority. */
  void acknowledged(Incident incident, DelegateTask task) {
    if (current(task) > 0) {
      follow(task.getProcessEngineServices(), task.getProcessInstanceId(), incident, 0, null);
    }
  }

  /** The incident's task priority raised by a level: one step of 25 a level, at most P1's. */
  static int priority(Priority priority, int level) {
    return Math.min(TaskPriority.HIGHEST, priority.taskPriority() + level * (TaskPriority.HIGH - TaskPriority.NORMAL));
  }

  private void follow(ProcessEngineServices engine, String processInstanceId, Incident incident,
      int level, String state) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LEVEL, level);
    variables.put(STATE, state);
    TaskPriority.follow(engine, processInstanceId, priority(incident.priority(), level), new TaskPriority.Deadline(null, null),
        variables);
  }

  private String text(Sla sla, int level) {
    if (level >= ESCALATED) {
      return sla == Sla.ACKNOWLEDGE ? installation.say("Acknowledgement escalated", "确认已升级")
          : installation.say("Resolution escalated", "解决已升级");
    }
    return sla == Sla.ACKNOWLEDGE ? installation.say("Acknowledgement overdue", "确认已超时")
        : installation.say("Resolution overdue", "解决已超时");
  }

  private static int current(VariableScope execution) {
    return execution.getVariable(LEVEL) instanceof Number level ? level.intValue() : 0;
  }
}
