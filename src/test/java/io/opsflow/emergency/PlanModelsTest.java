package io.opsflow.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What every shipped emergency plan must model, whatever a team writes in it: it may run for a
 * restricted (security) incident, so none of its steps goes to dev or qa by name (they route by
 * {@code ${restricted ? 'security' : 'dev'}}); an automated action that finally fails goes to people
 * (an error boundary on the step; unhandled, the engine would silently end that branch and the
 * plan would wait at its join for ever); and its commander can abort it at any moment (an event
 * sub-process on the abort message).
 */
class PlanModelsTest {

  @Test
  void noPlanStepGoesToDevOrQaWhateverTheIncident() throws IOException {
    for (Path plan : plans()) {
      for (UserTask task : Bpmn.readModelFromFile(plan.toFile()).getModelElementsByType(UserTask.class)) {
        List<String> groups = List.of(task.getCamundaCandidateGroups().split(","));
        assertThat(groups).as("candidate groups of %s in %s", task.getId(), plan.getFileName())
            .doesNotContain("dev", "qa");
      }
    }
  }

  @Test
  void everyAutomatedActionHasAWayToPeopleAndEveryPlanCanBeAborted() throws IOException {
    for (Path plan : plans()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(plan.toFile());
      for (ServiceTask action : model.getModelElementsByType(ServiceTask.class)) {
        if (!"${planAction}".equals(action.getCamundaDelegateExpression())) {
          continue;
        }
        assertThat(model.getModelElementsByType(BoundaryEvent.class).stream()
            .filter(boundary -> action.equals(boundary.getAttachedTo()))
            .flatMap(boundary -> boundary.getEventDefinitions().stream())
            .filter(ErrorEventDefinition.class::isInstance).map(ErrorEventDefinition.class::cast)
            .anyMatch(error -> error.getError() != null && "emergency-action-failed".equals(error.getError().getErrorCode())))
            .as("%s in %s catches emergency-action-failed", action.getId(), plan.getFileName()).isTrue();
      }
      assertThat(model.getModelElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
          .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
          .filter(StartEvent::isInterrupting)
          .flatMap(start -> start.getEventDefinitions().stream())
          .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
          .anyMatch(message -> message.getMessage() != null
              && EmergencyPlans.ABORT_MESSAGE.equals(message.getMessage().getName())))
          .as("%s has an interrupting event sub-process on %s", plan.getFileName(), EmergencyPlans.ABORT_MESSAGE)
          .isTrue();
    }
  }

  private static List<Path> plans() throws IOException {
    List<Path> plans;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      plans = files.filter(file -> file.getFileName().toString().startsWith(EmergencyPlans.PLAN_PREFIX)
          && file.toString().endsWith(".bpmn")).toList();
    }
    assertThat(plans).hasSizeGreaterThanOrEqualTo(3);
    return plans;
  }
}
