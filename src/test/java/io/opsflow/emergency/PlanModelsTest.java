package io.opsflow.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every shipped emergency plan may run for a restricted (security) incident: none of its steps may
 * go to dev or qa by name; they route by {@code ${restricted ? 'security' : 'dev'}}.
 */
class PlanModelsTest {

  @Test
  void noPlanStepGoesToDevOrQaWhateverTheIncident() throws IOException {
    List<Path> plans;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      plans = files.filter(file -> file.getFileName().toString().startsWith(EmergencyPlans.PLAN_PREFIX)
          && file.toString().endsWith(".bpmn")).toList();
    }
    assertThat(plans).hasSizeGreaterThanOrEqualTo(3);
    for (Path plan : plans) {
      for (UserTask task : Bpmn.readModelFromFile(plan.toFile()).getModelElementsByType(UserTask.class)) {
        List<String> groups = List.of(task.getCamundaCandidateGroups().split(","));
        assertThat(groups).as("candidate groups of %s in %s", task.getId(), plan.getFileName())
            .doesNotContain("dev", "qa");
      }
    }
  }
}
