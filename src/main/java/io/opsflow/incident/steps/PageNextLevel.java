package io.opsflow.incident.steps;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.oncall.Escalation;

/**
 * Page the next level: nobody has acknowledged when level 2 of the escalation is due, so the people
 * of level 2 (the next person in the rotation, or a second schedule's, as the policy says) are paged
 * with {@code incident.escalated} ({@code level-2}), linking the triage task they may now claim.
 */
@Component("pageNextLevel")
class PageNextLevel implements JavaDelegate {

  static final int LEVEL = 2;

  private final Incidents incidents;
  private final IncidentNotices notices;
  private final TaskService tasks;

  PageNextLevel(Incidents incidents, IncidentNotices notices, TaskService tasks) {
    this.incidents = incidents;
    this.notices = notices;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = IncidentVariables.incidentKey(execution);
    Incident incident = incidents.find(key).orElseThrow();
    Escalation escalation = notices.escalation(incident);
    if (escalation.levels().size() < LEVEL) {
      incidents.escalated(key, incidents.say("timeline.escalated.no-level", "policy", escalation.policy(), "level", LEVEL));
      return;
    }
    Escalation.Step step = escalation.levels().get(LEVEL - 1);
    String paged = notices.names(step);
    Task triage = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_AcknowledgeTriage").singleResult();
    List<String> groups = step.group() == null ? IncidentVariables.onCall(execution)
        : concat(IncidentVariables.onCall(execution), step.group());
    notices.publish(notices.about(NoticeEvent.INCIDENT_ESCALATED, "level-" + LEVEL, incident, groups,
        IncidentNotices.facts("level", Integer.toString(LEVEL), "deadline", incident.ackDueAt(), "onCall", paged))
        .withTask(triage == null ? null : triage.getId()).withMention(step.userIds()));
    incidents.escalated(key, incidents.say("timeline.escalated", "level", LEVEL, "paged", paged));
  }

  static List<String> concat(List<String> groups, String group) {
    return Stream.concat(groups.stream(), Stream.of(group)).distinct().toList();
  }
}
