package io.opsflow.emergency.steps;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.springframework.stereotype.Component;

import io.opsflow.emergency.ActivationLogKind;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.kernel.webhook.SignedWebhook;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * The action executor behind every automated plan step ({@code ${planAction}} with the input
 * parameter {@code action}): calls the action's configured webhook, signed; in a drill it only
 * records what it would have called. A failing call is retried by the engine (the step's retry
 * cycle); when the last attempt fails too, or the receiver refuses the call for good (4xx other
 * than 408 and 429), it throws the BPMN error {@value #ACTION_FAILED}: the plan's model catches
 * it on the step and gives people "Do it by hand", with what failed in {@code actionFailure}. An
 * action with no target is recorded as not executed, so a real emergency is never stuck on
 * configuration.
 */
@Component("planAction")
class PlanAction implements JavaDelegate {

  /** The error code every plan's automated step catches (boundary error event). */
  static final String ACTION_FAILED = "emergency-action-failed";
  private static final int DEFAULT_RETRIES = 3;
  private static final Pattern CYCLE = Pattern.compile("R(\\d+)/");

  private final EmergencyPlans plans;
  private final EmergencyProperties properties;
  private final SignedWebhook webhook;

  PlanAction(EmergencyPlans plans, EmergencyProperties properties, SignedWebhook webhook) {
    this.plans = plans;
    this.properties = properties;
    this.webhook = webhook;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String action = ProcessVariables.lenientText(execution, PlanVariables.ACTION);
    String activation = ProcessVariables.lenientText(execution, PlanVariables.ACTIVATION_KEY);
    String step = execution.getCurrentActivityName();
    SignedWebhook.Target target = properties.actions().get(action);
    if (target == null || !target.configured()) {
      plans.log(activation, step, ActivationLogKind.ACTION, "opsflow", plans.say("log.not-executed", "action", action));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "emergency.action");
    body.put("action", action);
    body.put("activationKey", activation);
    body.put("service", ProcessVariables.lenientText(execution, PlanVariables.SERVICE));
    body.put("incidentKey", ProcessVariables.lenientText(execution, PlanVariables.INCIDENT_KEY));
    if (ProcessVariables.lenientFlag(execution, PlanVariables.DRILL)) {
      plans.log(activation, step, ActivationLogKind.DRY_RUN, "opsflow", plans.say("log.dry-run", "action", action, "url",
          target.url()));
      return;
    }
    int status;
    try {
      status = webhook.post(target, "emergency.action", activation + ":" + action, body);
    } catch (IOException | SignedWebhook.Rejected failure) {
      boolean permanent = failure instanceof SignedWebhook.Rejected rejected && permanent(rejected.status());
      Attempt attempt = attempt(execution);
      if (!permanent && !attempt.last()) {
        throw failure;
      }
      String failed = plans.say(permanent ? "action-failed.for-good" : "action-failed", "action", action, "attempt",
          attempt.number(), "reason", describe(failure));
      plans.log(activation, step, ActivationLogKind.ACTION_FAILED, "opsflow", plans.say("log.handed-to-people", "failure",
          failed));
      throw new BpmnError(ACTION_FAILED, failed);
    }
    plans.log(activation, step, ActivationLogKind.ACTION, "opsflow", plans.say("log.called", "action", action, "url",
        target.url(), "status", status));
  }

  /** A receiver that refuses the call (bad request, unauthorized, not found …) will refuse every retry too. */
  static boolean permanent(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  private static String describe(Exception failure) {
    return failure instanceof SignedWebhook.Rejected ? failure.getMessage()
        : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " " + failure.getMessage());
  }

  /** @param last no retry follows when this attempt fails (also when the step runs without a job: not async) */
  record Attempt(long number, boolean last) {
  }

  /** Which attempt of the step's job this is, and whether the engine retries it when it fails. */
  private static Attempt attempt(DelegateExecution execution) {
    List<Job> jobs = execution.getProcessEngineServices().getManagementService().createJobQuery()
        .processInstanceId(execution.getProcessInstanceId()).activityId(execution.getCurrentActivityId()).list();
    if (jobs.isEmpty()) {
      return new Attempt(1, true);
    }
    Job job = jobs.get(0);
    long failures = execution.getProcessEngineServices().getHistoryService().createHistoricJobLogQuery()
        .jobId(job.getId()).failureLog().count();
    // a first failure replaces the job's default retries with those of the step's retry cycle
    return new Attempt(failures + 1, failures == 0 ? retriesOfCycle(execution) <= 1 : job.getRetries() <= 1);
  }

  /** The attempts the step's {@code failedJobRetryTimeCycle} allows (R3/PT30S: 3); the engine's 3 without one. */
  private static int retriesOfCycle(DelegateExecution execution) {
    ExtensionElements extensions = execution.getBpmnModelElementInstance().getExtensionElements();
    if (extensions == null) {
      return DEFAULT_RETRIES;
    }
    return extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
        .map(cycle -> cycle.getTextContent().strip())
        .map(cycle -> {
          Matcher repeat = CYCLE.matcher(cycle);
          // R3/PT30S repeats one interval; PT1M,PT5M lists one interval per retry
          return repeat.lookingAt() ? Integer.parseInt(repeat.group(1)) : cycle.split(",").length;
        })
        .findFirst().orElse(DEFAULT_RETRIES);
  }
}
