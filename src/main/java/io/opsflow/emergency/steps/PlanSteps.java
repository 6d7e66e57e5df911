package io.opsflow.emergency.steps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
      execution.setVariable(PlanVariables.SUMMARY, plans.say("aborted-by", "by", by, "reason", reason));
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
        incidents.addEntry(incident, "emergency-plan", "opsflow", plans.say("incident.plan-ended", "activation", activation,
            "outcome", outcome, "summary", summary));
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

  /** Daily: a manager gets "Schedule drill" for each plan whose drill is overdue. */
  @Bean
  JavaDelegate openDrillTasks(EmergencyPlans plans) {
    return execution -> plans.openDrillTasks();
  }

  /**
   * Creating "Schedule drill" (a named create listener in the model): the plan's owner group and the
   * managers hear that its drill is due ({@code drill.due}, once per drill process), with a link to the
   * task.
   */
  @Bean
  TaskListener drillDue(EmergencyPlans plans, Notifications notifications) {
    return task -> {
      String planKey = ProcessVariables.lenientText(task, PlanVariables.PLAN_KEY);
      if (planKey == null) {
        return;
      }
      Optional<EmergencyPlans.Plan> plan = plans.plan(planKey);
      Map<String, Object> facts = new HashMap<>();
      facts.put("title", plan.map(EmergencyPlans.Plan::name).orElse(planKey));
      plan.map(EmergencyPlans.Plan::drillDueAt).ifPresent(due -> facts.put("deadline", due));
      List<String> groups = new ArrayList<>();
      plan.map(EmergencyPlans.Plan::ownerGroup).ifPresent(groups::add);
      groups.add(Groups.MANAGER);
      notifications.publish(Notice.of(NoticeEvent.DRILL_DUE.code() + ":" + planKey + ":" + task.getProcessInstanceId(),
          NoticeEvent.DRILL_DUE, planKey).withGroups(groups).withFacts(facts).withTask(task.getId()));
    };
  }
}
