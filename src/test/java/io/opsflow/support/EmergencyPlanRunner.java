package io.opsflow.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Works an emergency plan instance to its end as its people would: the commander takes command,
 * every step is done with a note, automated actions run, the notice is published, and the
 * commander stands down with the given outcome.
 */
public final class EmergencyPlanRunner {

  private final ProcessEngine engine;

  public EmergencyPlanRunner(ProcessEngine engine) {
    this.engine = engine;
  }

  public void run(String planInstanceId, String outcome) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(planInstanceId).executable().list();
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(planInstanceId).list();
      if (tasks.isEmpty() && jobs.isEmpty()) {
        return;
      }
      for (Task task : tasks) {
        engine.getTaskService().claim(task.getId(), userFor(task));
        engine.getTaskService().complete(task.getId(), answers(task, outcome));
      }
    }
    throw new AssertionError("emergency plan " + planInstanceId + " did not end");
  }

  private Map<String, Object> answers(Task task, String outcome) {
    Map<String, Object> answers = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "Task_TakeCommand" -> {
        answers.put("proceed", !"aborted".equals(outcome));
        answers.put("briefing", "follow the plan");
      }
      case "Task_CommunicateUsers" -> answers.put("notice", "We are restoring the service; next update in 30 minutes.");
      case "Task_StandDown" -> {
        answers.put("outcome", outcome);
        answers.put("standDownSummary", "stood down: " + outcome);
      }
      default -> answers.put("stepNote", "done: " + task.getName());
    }
    return answers;
  }

  private String userFor(Task task) {
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).findFirst().orElse("ops");
    return switch (group) {
      case "manager" -> "mia";
      case "dev" -> "devon";
      case "qa" -> "quinn";
      case "security" -> "sasha";
      default -> "olivia";
    };
  }
}
