package io.opsflow.change.steps;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.change.Change;
import io.opsflow.change.ChangeRetrospectiveRequested;
import io.opsflow.change.Changes;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.kernel.process.ProcessVariables;

/**
 * The small automated steps of change-release, each a named bean the model refers to. Steps with
 * logic of their own have classes of their own.
 */
@Configuration(proxyBeanMethods = false)
class ChangeSteps {

  /**
   * Reject change: the gate says rejected, with the freeze window or the approver's reason, and the
   * people following the service hear it ({@code change.gate-rejected}).
   */
  @Bean
  JavaDelegate rejectChange(Changes changes, ChangeNotices notices) {
    return execution -> {
      String reason = ProcessVariables.lenientText(execution, ChangeVariables.REJECTION_REASON);
      changes.reject(key(execution), reason);
      Change change = changes.get(key(execution));
      Map<String, Object> facts = new HashMap<>();
      facts.put("gate", change.gateStatus());
      facts.put("reason", reason);
      notices.publish(NoticeEvent.CHANGE_GATE_REJECTED, null, change, List.of(), facts, null);
    };
  }

  /** Wait for the planned start: the change is approved, its gate opens later. */
  @Bean
  JavaDelegate scheduleChange(Changes changes) {
    return execution -> changes.scheduled(key(execution),
        ProcessVariables.strictMoment(execution, ChangeVariables.PLANNED_START));
  }

  /** Open deployment gate: CI may deploy; the deployment report is due by the deadline. */
  @Bean
  JavaDelegate openGate(Changes changes, DeployHooks hooks) {
    return execution -> {
      Instant deadline = changes.openGate(key(execution));
      execution.setVariable(ChangeVariables.DEPLOY_DEADLINE, Date.from(deadline));
      execution.setVariable(ChangeVariables.DEPLOY_HOOK_CONFIGURED,
          hooks.configured(ProcessVariables.lenientText(execution, ChangeVariables.SERVICE)));
    };
  }

  /** Trigger deployment: calls the service's deploy hook; a failure is retried, then an incident in Cockpit. */
  @Bean
  JavaDelegate triggerDeployment(Changes changes, DeployHooks hooks) {
    return execution -> {
      Change change = changes.get(key(execution));
      int status = hooks.trigger(change);
      changes.addEntry(change.changeKey(), "deployment-triggered", "opsflow",
          changes.say("timeline.deployment-triggered", "status", status));
    };
  }

  /** Wait longer: ops saw the pipeline still working; a new deadline starts now. */
  @Bean
  JavaDelegate extendDeploymentDeadline(Changes changes) {
    return execution -> {
      Instant deadline = changes.deploymentDeadlineAfter(changes.now());
      execution.setVariable(ChangeVariables.DEPLOY_DEADLINE, Date.from(deadline));
      changes.addEntry(key(execution), "deadline-extended", "opsflow",
          changes.say("timeline.deadline-extended", "deadline", deadline));
    };
  }

  /** Cancel change: ops stopped a stalled deployment; the gate says cancelled. */
  @Bean
  JavaDelegate cancelChange(Changes changes) {
    return execution -> changes.cancel(key(execution), "ops", changes.say("stalled", "note",
        ProcessVariables.lenientText(execution, ChangeVariables.INVESTIGATION_NOTE)));
  }

  /** Start verification window: alerts on the service until it ends interrupt it. */
  @Bean
  JavaDelegate startVerification(Changes changes) {
    return execution -> {
      int minutes = ProcessVariables.strictNumber(execution, ChangeVariables.VERIFICATION_MINUTES);
      Instant end = changes.now().plusSeconds(minutes * 60L);
      execution.setVariable(ChangeVariables.VERIFICATION_ENDS_AT, Date.from(end));
      changes.addEntry(key(execution), "verification", "opsflow", changes.say("timeline.verification",
          "service", ProcessVariables.lenientText(execution, ChangeVariables.SERVICE), "end", end));
    };
  }

  /** Close change: stores the outcome, which the retrospective-needed decision reads next. */
  @Bean
  JavaDelegate closeChange(Changes changes) {
    return execution -> execution.setVariable(ChangeVariables.OUTCOME, changes.close(key(execution)).code());
  }

  /**
   * Request retrospective: records that one is due and publishes {@link ChangeRetrospectiveRequested};
   * post-launch-retrospective starts in this transaction, waits for the service's observation window
   * and ignores repeats.
   */
  @Bean
  JavaDelegate requestChangeRetrospective(Changes changes, ApplicationEventPublisher events) {
    return execution -> {
      changes.retrospectiveDue(key(execution));
      events.publishEvent(new ChangeRetrospectiveRequested(key(execution)));
      changes.addEntry(key(execution), "retrospective-requested", "opsflow", changes.say("timeline.retrospective-requested"));
    };
  }

  private static String key(DelegateExecution execution) {
    return ChangeVariables.changeKey(execution);
  }
}
