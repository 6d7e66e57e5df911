package io.opsflow.lifecycle.retirement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.change.Change;
import io.opsflow.change.ChangeSubmission;
import io.opsflow.change.ChangeType;
import io.opsflow.change.Changes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.OwnProcess;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.security.Groups;

/** The named steps and task listeners of service-retirement. */
@Configuration(proxyBeanMethods = false)
class RetirementSteps {

  /**
   * Register retirement: one requested through the API is already recorded; one started in Tasklist
   * (or through /engine-rest) is checked again on the server and recorded here.
   */
  @Bean
  JavaDelegate registerRetirement(Retirements retirements) {
    return execution -> {
      FormCheck check = FormCheck.of("request the retirement");
      String key = check.text(execution, RetirementVariables.RETIREMENT_KEY);
      if (key != null) {
        check.require(!OwnProcess.takenByAnother(execution, key),
            "retirement " + key + " already has its process; request a new one without retirementKey").orRefuse();
        retirements.get(key);
        return;
      }
      String requester = TaskActor.authenticated().orElse(null);
      Object days = execution.getVariable(RetirementVariables.NOTICE_DAYS);
      check.require(days == null || days instanceof Number, "noticeDays must be a whole number of days");
      Retirements.Request request = new Retirements.Request(check.text(execution, RetirementVariables.SERVICE),
          check.text(execution, RetirementVariables.SHUTDOWN_DATE), days instanceof Number number
              ? Math.toIntExact(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number.longValue()))) : null);
      check.require(requester != null, "requester is missing: start the retirement signed in");
      retirements.problems(request).forEach(problem -> check.require(false, problem));
      check.orRefuse();
      Retirement retirement = retirements.register(request, requester);
      execution.setProcessBusinessKey(retirement.key());
      execution.setVariables(retirements.startVariables(retirement.key()));
    };
  }

  /** Check dependents: read the catalog again each time (what a dependent's team reported is not trusted). */
  @Bean
  JavaDelegate checkDependents(Retirements retirements) {
    return execution -> {
      List<String> dependents = retirements.dependentsOf(ProcessVariables.strictText(execution, RetirementVariables.SERVICE));
      execution.setVariable(RetirementVariables.DEPENDENT_COUNT, dependents.size());
      execution.setVariable(RetirementVariables.DEPENDENTS, String.join(", ", dependents));
    };
  }

  @Bean
  JavaDelegate deprecateService(Retirements retirements) {
    return execution -> retirements.deprecate(key(execution), execution.getProcessInstanceId());
  }

  /** Publish notice to users (ops): the text is required and stored on the retirement. */
  @Bean
  TaskListener retirementNoticePublished(Retirements retirements) {
    return task -> {
      FormCheck check = FormCheck.of("publish the notice");
      String text = check.text(task, RetirementVariables.NOTICE_TEXT, Retirements.MAX_NOTICE_TEXT);
      check.require(text != null, "noticeText is required: what users are told (what ends, when, what to do)")
          .orRefuse();
      retirements.noticePublished(key(task.getExecution()), text, TaskActor.of(task));
    };
  }

  /**
   * Send notice: through the notification channels whose rules take retirement notices, with the shutdown
   * date the notice period allows from today (a late notice moves the shutdown, see
   * {@link Retirements#shutdownAfterNotice}).
   */
  @Bean
  JavaDelegate sendRetirementNotice(Retirements retirements, Notifications notifications) {
    return execution -> {
      LocalDate shutdown = retirements.shutdownAfterNotice(key(execution));
      execution.setVariable(RetirementVariables.SHUTDOWN_DATE, shutdown.toString());
      execution.setVariable(RetirementVariables.SHUTDOWN_AT, Retirements.startOf(shutdown));
      Retirement retirement = retirements.get(key(execution));
      notifications.publish(Notice.of(NoticeEvent.SERVICE_RETIREMENT_NOTICE.code() + ":" + retirement.key(),
              NoticeEvent.SERVICE_RETIREMENT_NOTICE, retirement.key())
          .withService(retirement.service())
          .withGroups(List.of(Groups.OPS, Groups.MANAGER))
          .withFacts(Map.of("notice", retirement.notice().text(), "shutdown", retirement.shutdownDate().toString()))
          .withLink("/api/retirements/" + retirement.key()));
    };
  }

  /** Export or migrate user data (the service's dev group): where the data went is required. */
  @Bean
  TaskListener retirementDataExported(Retirements retirements) {
    return task -> {
      FormCheck check = FormCheck.of("record the data export");
      String location = check.text(task, RetirementVariables.DATA_LOCATION, Retirements.MAX_DATA_LOCATION);
      check.require(location != null, "dataLocation is required: where users' data was exported or migrated to")
          .orRefuse();
      retirements.dataExported(key(task.getExecution()), location, TaskActor.of(task));
    };
  }

  /** Verify migration (QA): verified, or back to dev with what is wrong. */
  @Bean
  TaskListener retirementMigrationChecked(Retirements retirements) {
    return task -> {
      FormCheck check = FormCheck.of("verify the migration");
      Boolean verified = check.flag(task, RetirementVariables.MIGRATION_VERIFIED);
      check.require(verified != null, "migrationVerified is required: true when the data is complete where dev"
          + " recorded it, false to send it back").orRefuse();
      task.getExecution().setVariable(RetirementVariables.MIGRATION_VERIFIED, verified);
      if (verified) {
        retirements.migrationVerified(key(task.getExecution()), TaskActor.of(task));
      }
    };
  }

  /** Confirm users' property and rights (manager): every item of the checklist must be ticked. */
  @Bean
  TaskListener retirementRightsConfirmed(Retirements retirements) {
    return task -> {
      FormCheck check = FormCheck.of("confirm users' property and rights");
      for (String item : RetirementVariables.RIGHTS.split(",")) {
        check.require(Boolean.TRUE.equals(check.flag(task, item)), item + " must be ticked: users' refunds,"
            + " balances and subscriptions are all handled before the shutdown");
      }
      check.orRefuse();
      retirements.rightsConfirmed(key(task.getExecution()), TaskActor.of(task));
    };
  }

  /** Request shutdown change: a normal change-release of the service, requested for the retirement's manager. */
  @Bean
  JavaDelegate requestShutdownChange(Retirements retirements, Changes changes) {
    return execution -> {
      Retirement retirement = retirements.get(key(execution));
      Change change = changes.request(new ChangeSubmission(retirement.service(), "shutdown",
          retirements.say("change.shutdown", "service", retirement.service(), "retirement", retirement.key()),
          ChangeType.NORMAL, false,
          false, null, null, null, retirement.requestedBy(), retirement.requestedBy(), null, null));
      retirements.shutdownChangeRequested(retirement.key(), change.changeKey());
      execution.setVariable(RetirementVariables.SHUTDOWN_CHANGE_KEY, change.changeKey());
    };
  }

  /** Decide on the failed shutdown (manager): retry with a new change, or abandon the retirement. */
  @Bean
  TaskListener shutdownFailureDecided() {
    return task -> {
      FormCheck check = FormCheck.of("decide on the failed shutdown");
      String decision = check.text(task, RetirementVariables.SHUTDOWN_DECISION);
      check.require("retry".equals(decision) || "abandon".equals(decision),
          "shutdownDecision must be retry or abandon").orRefuse();
    };
  }

  @Bean
  JavaDelegate retireService(Retirements retirements) {
    return execution -> retirements.retire(key(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate abandonRetirement(Retirements retirements) {
    return execution -> retirements.abandon(key(execution));
  }

  private static String key(DelegateExecution execution) {
    return ProcessVariables.strictText(execution, RetirementVariables.RETIREMENT_KEY);
  }
}
