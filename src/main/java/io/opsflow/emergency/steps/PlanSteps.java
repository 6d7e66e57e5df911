package io.opsflow.emergency.steps;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.emergency.ActivationLogKind;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.emergency.PlanOutcome;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.security.Groups;

/** The named steps and task listeners every emergency plan uses. */
@Configuration(proxyBeanMethods = false)
class PlanSteps {

  /** "Take command": the incident commander decides whether the plan applies. */
  @Bean
  TaskListener commandTaken(EmergencyPlans plans) {
    return task -> {
      FormCheck check = FormCheck.of("take command");
      Boolean proceed = check.flag(task, PlanVariables.PROCEED);
      String briefing = check.text(task, PlanVariables.BRIEFING);
      check.require(proceed != null, "proceed must be true or false").orRefuse();
      task.getExecution().setVariable(PlanVariables.PROCEED, proceed);
      plans.commandTaken(ProcessVariables.lenientText(task, PlanVariables.ACTIVATION_KEY), TaskActor.of(task), proceed, briefing);
    };
  }

  /**
   * Every person's step of a plan (added to each user task of emergency-plan-* processes when they
   * are deployed): a note of what was done, or the notice published to users, is required.
   */
  @Bean
  TaskListener planStepCompleted(EmergencyPlans plans) {
    return task -> {
      FormCheck check = FormCheck.of("finish this step");
      String note = check.text(task, PlanVariables.STEP_NOTE);
      String notice = check.text(task, PlanVariables.NOTICE);
      boolean ownListener = "Task_TakeCommand".equals(task.getTaskDefinitionKey())
          || "Task_StandDown".equals(task.getTaskDefinitionKey());
      check.require(ownListener || note != null || notice != null, "stepNote must say what was done").orRefuse();
      String activation = ProcessVariables.lenientText(task, PlanVariables.ACTIVATION_KEY);
      if (notice != null) {
        plans.log(activation, task.getName(), ActivationLogKind.NOTICE, TaskActor.of(task), notice);
        task.getExecution().removeVariable(PlanVariables.NOTICE);
      }
      if (note != null) {
        plans.log(activation, task.getName(), ActivationLogKind.NOTE, TaskActor.of(task), note);
        task.getExecution().removeVariable(PlanVariables.STEP_NOTE);
      }
    };
  }

  /** "Stand down": the commander ends the plan with its outcome. */
  @Bean
  TaskListener standDown() {
    return task -> {
      FormCheck check = FormCheck.of("stand down");
      PlanOutcome outcome = Codes.find(PlanOutcome.class, check.text(task, PlanVariables.OUTCOME)).orElse(null);
      String summary = check.text(task, PlanVariables.SUMMARY);
      check.require(outcome != null, "outcome must be restored, mitigated or aborted")
          .require(summary != null, "standDownSummary must say how the plan ended").orRefuse();
    };
  }

  /** Plan does not apply: the outcome is "aborted". */
  @Bean
  JavaDelegate recordPlanAborted() {
    return execution -> execution.setVariable(PlanVariables.OUTCOME, PlanOutcome.ABORTED.code());
  }

  /**
   * The commander aborted the running plan (its abort event sub-process): the outcome is "aborted",
   * with who and why as the summary. The person signed in, whatever a message over /engine-rest claims.
   */
  @Bean
  JavaDelegate recordPlanAbortRequested(EmergencyPlans plans) {
    return execution -> {
      String by = TaskActor.authenticated().orElseGet(() -> {
        String named = ProcessVariables.lenientText(execution, PlanVariables.ABORTED_BY);
        return named == null ? "opsflow" : named;
      });
      String reason = ProcessVariables.lenientText(execution, PlanVariables.ABORT_REASON);
      execution.setVariable(PlanVariables.OUTCOME, PlanOutcome.ABORTED.code());
      execution.setVariable(PlanVariables.SUMMARY, "Aborted by " + by + (reason == null ? "" : ": " + reason));
      plans.aborted(ProcessVariables.lenientText(execution, PlanVariables.ACTIVATION_KEY), by, reason);
    };
  }

  /** Close activation: stores the outcome; a real activation for an incident also records it there. */
  @Bean
  JavaDelegate closePlanActivation(EmergencyPlans plans, Incidents incidents) {
    return execution -> {
      String activation = ProcessVariables.lenientText(execution, PlanVariables.ACTIVATION_KEY);
      PlanOutcome outcome = ProcessVariables.strictCode(execution, PlanVariables.OUTCOME, PlanOutcome.class);
      String summary = ProcessVariables.lenientText(execution, PlanVariables.SUMMARY);
      plans.end(activation, outcome, summary);
      String incident = ProcessVariables.lenientText(execution, PlanVariables.INCIDENT_KEY);
      if (incident != null && incidents.find(incident).isPresent()) {
        incidents.addEntry(incident, "emergency-plan", "opsflow", "Emergency plan " + activation + " ended: "
            + (outcome == null ? null : outcome.code()) + (summary == null ? "" : ". " + summary));
      }
    };
  }

  /** "Schedule drill": when, and on which service; the drill then runs the plan with drill=true. */
  @Bean
  TaskListener drillScheduled(ServiceCatalog catalog) {
    return task -> {
      FormCheck check = FormCheck.of("schedule the drill");
      String service = check.text(task, PlanVariables.SERVICE);
      Instant when = check.requiredMoment(task, PlanVariables.DRILL_AT);
      check.require(service != null && catalog.find(service).isPresent(), "service must be a catalog service").orRefuse();
      task.getExecution().setVariable(PlanVariables.DRILL_AT, Date.from(when));
    };
  }

  /**
   * Daily: a manager gets "Schedule drill" for each plan whose drill is overdue, and the plan's owner
   * group and managers hear it ({@code drill.due}, once per plan and due date), linking the task.
   */
  @Bean
  JavaDelegate openDrillTasks(EmergencyPlans plans, Notifications notifications, TaskService tasks) {
    return execution -> {
      for (String planKey : plans.openDrillTasks()) {
        EmergencyPlans.Plan plan = plans.plan(planKey).orElseThrow();
        Task schedule = tasks.createTaskQuery().processInstanceBusinessKey(planKey)
            .processDefinitionKey(EmergencyPlans.DRILL_PROCESS).active().list().stream().findFirst().orElse(null);
        String due = plan.drillDueAt() == null ? "never-drilled" : plan.drillDueAt().toString().substring(0, 10);
        Map<String, Object> facts = new HashMap<>();
        facts.put("title", plan.name());
        if (plan.drillDueAt() != null) {
          facts.put("deadline", plan.drillDueAt());
        }
        Notice notice = Notice.of(NoticeEvent.DRILL_DUE.code() + ":" + planKey + ":" + due, NoticeEvent.DRILL_DUE,
            planKey).withGroups(List.of(plan.ownerGroup(), Groups.MANAGER)).withFacts(facts);
        notifications.publish(schedule == null ? notice : notice.withTask(schedule.getId()));
      }
    };
  }
}
