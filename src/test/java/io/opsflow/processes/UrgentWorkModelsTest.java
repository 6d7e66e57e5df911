package io.opsflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

import io.opsflow.kernel.process.TaskPriority;

/**
 * What Tasklist needs from the models to put the urgent work first: a task that a timer watches
 * (attached to it or to a sub-process around it) has a due date, so the deadline shows on its card
 * before the timer fires; and the tasks of incidents, changes and emergency plans take the
 * priority of their incident or change. Every user task of every model is listed here with the time
 * limit its due date comes from, or with none: a new task must say which.
 */
class UrgentWorkModelsTest {

  private static final String PRIORITY_EXPRESSION = "${" + TaskPriority.VARIABLE + "}";
  private static final String NO_LIMIT = "";
  private static final String RESOLVE_SLA = "${resolveDueAt}";

  /** Per model, per user task: its due date expression, or {@link #NO_LIMIT}. */
  private static final Map<String, Map<String, String>> DUE_DATES = Map.of(
      "change-release.bpmn", ordered(
          "Task_ApproveChange", "${plannedStart}", // the planned window opens (none: as soon as approved)
          "Task_InvestigateDeployment", "${deployDeadline}", // the gate's deployment timeout has passed
          "Task_DecideRollback", "${verificationEndsAt}", // within the verification window
          "Task_ConfirmInProduction", NO_LIMIT,
          "Task_RollBack", "${rollBackDueAt}"), // the resolve SLA of the incident that called for it
      "emergency-drill.bpmn", ordered("Task_ScheduleDrill", NO_LIMIT),
      "feedback-triage.bpmn", ordered("Task_TriageFeedback", "${triageDueAt}", "Task_TriageOverdue", NO_LIMIT),
      "incident-response.bpmn", ordered("Task_AcknowledgeTriage", "${ackDueAt}", "Task_DiagnoseMitigate", RESOLVE_SLA,
          "Task_VerifyResolution", RESOLVE_SLA, "Task_ConfirmClosure", RESOLVE_SLA),
      "post-launch-retrospective.bpmn", ordered("Task_Prepare", NO_LIMIT, "Task_AddFindingsOps", NO_LIMIT,
          "Task_AddFindingsDev", NO_LIMIT, "Task_AddFindingsQa", NO_LIMIT, "Task_AddFindingsSecurity", NO_LIMIT,
          "Task_HoldReview", NO_LIMIT, "Task_ImplementImprovement", "${retrospectives.due(actionItemKey)}",
          "Task_VerifyImprovement", NO_LIMIT),
      "service-launch.bpmn", ordered("Task_SignOffOps", "${launchAt}", "Task_SignOffDev", "${launchAt}",
          "Task_SignOffQa", "${launchAt}", "Task_DecideGoNoGo", "${launchAt}"), // before the planned launch day
      "service-retirement.bpmn", ordered("Task_RemoveDependency", NO_LIMIT, "Task_PublishNotice", NO_LIMIT,
          // alongside the timer of the shutdown date
          "Task_ExportData", "${shutdownAt}", "Task_VerifyMigration", "${shutdownAt}", "Task_ConfirmRights",
          "${shutdownAt}", "Task_DecideShutdownFailure", NO_LIMIT));

  @Test
  void everyUserTaskIsDueWhenItsTimeLimitRunsOut() throws IOException {
    for (Path path : models()) {
      String name = path.getFileName().toString();
      Map<String, String> actual = new LinkedHashMap<>();
      for (UserTask task : Bpmn.readModelFromFile(path.toFile()).getModelElementsByType(UserTask.class)) {
        actual.put(task.getId(), task.getCamundaDueDate() == null ? NO_LIMIT : task.getCamundaDueDate());
      }
      Map<String, String> expected = name.startsWith("emergency-plan-")
          ? actual.keySet().stream().collect(LinkedHashMap::new, (map, id) -> map.put(id, RESOLVE_SLA), Map::putAll)
          : DUE_DATES.getOrDefault(name, Map.of());
      assertThat(actual).as("user tasks of %s and their due dates", name).containsExactlyInAnyOrderEntriesOf(expected);
    }
  }

  @Test
  void everyTaskATimerWatchesHasADueDate() throws IOException {
    List<String> timed = new ArrayList<>();
    for (Path path : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (watchedByTimer(model, task)) {
          timed.add(task.getId());
          assertThat(task.getCamundaDueDate()).as("due date of %s in %s", task.getId(), path.getFileName())
              .isNotBlank();
        }
      }
    }
    assertThat(timed).as("tasks watched by a timer").contains("Task_AcknowledgeTriage", "Task_DiagnoseMitigate",
        "Task_VerifyResolution", "Task_TriageFeedback", "Task_ImplementImprovement");
  }

  @Test
  void incidentChangeAndPlanTasksTakeTheirPriorityAndPlanTasksAreDueWhenTheIncidentMustBeResolved()
      throws IOException {
    for (Path path : models()) {
      String name = path.getFileName().toString();
      boolean plan = name.startsWith("emergency-plan-");
      if (!plan && !name.equals("incident-response.bpmn") && !name.equals("change-release.bpmn")) {
        continue;
      }
      for (UserTask task : Bpmn.readModelFromFile(path.toFile()).getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaPriority()).as("priority of %s in %s", task.getId(), name)
            .isEqualTo(PRIORITY_EXPRESSION);
        if (plan) {
          assertThat(task.getCamundaDueDate()).as("due date of %s in %s", task.getId(), name)
              .isEqualTo("${resolveDueAt}");
        }
      }
    }
  }

  /** A timer boundary event on the task or on any sub-process that contains it. */
  private static boolean watchedByTimer(BpmnModelInstance model, UserTask task) {
    List<ModelElementInstance> scopes = new ArrayList<>();
    for (ModelElementInstance scope = task; scope != null; scope = scope.getParentElement()) {
      scopes.add(scope);
    }
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(boundary -> scopes.contains((Activity) boundary.getAttachedTo()))
        .flatMap(boundary -> boundary.getEventDefinitions().stream())
        .anyMatch(TimerEventDefinition.class::isInstance);
  }

  private static Map<String, String> ordered(String... taskAndDue) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < taskAndDue.length; i += 2) {
      map.put(taskAndDue[i], taskAndDue[i + 1]);
    }
    return map;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
