package io.opsflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * priority of their incident or change.
 */
class UrgentWorkModelsTest {

  private static final String PRIORITY_EXPRESSION = "${" + TaskPriority.VARIABLE + "}";

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

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
