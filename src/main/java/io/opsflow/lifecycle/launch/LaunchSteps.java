package io.opsflow.lifecycle.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opsflow.catalog.ProcessRef;
import io.opsflow.change.Change;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.ChangeState;
import io.opsflow.change.ChangeSubmission;
import io.opsflow.change.ChangeType;
import io.opsflow.change.Changes;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.process.ProcessVariables;
import io.opsflow.kernel.process.TaskActor;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Texts;
import io.opsflow.lifecycle.LaunchRetrospectiveRequested;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.notify.Notifications;
import io.opsflow.security.Groups;

/** The delegates and listeners of service-launch, one bean per step, named as the model names them. */
@Configuration(proxyBeanMethods = false)
class LaunchSteps {

  static final String LAUNCH_KEY = "launchKey";
  static final String SERVICE = "service";
  static final String VERSION = "version";
  static final String PLANNED_DATE = "plannedDate";
  /** When sign-offs and go / no-go are due: the start of the planned day. */
  static final String LAUNCH_AT = "launchAt";
  static final String HYPERCARE_DAYS = "hypercareDays";
  static final String FEEDBACK_NOT_APPLICABLE = "feedbackNotApplicable";
  static final String REQUESTED_BY = "requestedBy";
  static final String READINESS = "readiness";
  static final String READINESS_PASSED = "readinessPassed";
  static final String GO = "go";
  static final String CHANGE_KEY = "launchChangeKey";
  static final String CHANGE_OUTCOME = "launchChangeOutcome";
  static final String REPORT_DAY = "reportDay";
  static final String NEXT_REPORT_AT = "nextReportAt";
  static final String LAUNCH_REPORT = "launchReport";
  /** Message to a launch waiting for its launch change; correlated on {@link #CHANGE_KEY}. */
  static final String MESSAGE_CHANGE_ENDED = "LaunchChangeEnded";
  static final Map<String, String> SIGN_OFF_GROUPS = Map.of("Task_SignOffOps", Groups.OPS, "Task_SignOffDev",
      Groups.DEV, "Task_SignOffQa", Groups.QA);
  private static final Pattern LINK = Pattern.compile("https?://\\S{1,1990}");
  private static final int NOTES_MAX = 2000;
  /** The sign-offs as the decision form shows them; local to that task. */
  static final String SIGN_OFFS = "signOffs";

  /**
   * Register launch: what the API or Tasklist's start form brings is checked like a form; the business key
   * becomes the launch's key.
   */
  @Bean
  JavaDelegate registerLaunch(Launches launches) {
    return execution -> {
      FormCheck check = FormCheck.of("launch the service");
      String service = check.text(execution, SERVICE, 64);
      String plannedDate = check.text(execution, PLANNED_DATE, 10);
      String version = check.text(execution, VERSION);
      Object days = execution.getVariable(HYPERCARE_DAYS);
      check.require(days == null || days instanceof Number, "hypercareDays must be a number of days");
      Boolean notApplicable = check.flag(execution, FEEDBACK_NOT_APPLICABLE);
      String by = check.text(execution, REQUESTED_BY, 64);
      LaunchRequest request = new LaunchRequest(service, plannedDate, version,
          days instanceof Number number ? number.intValue() : null, notApplicable);
      launches.problems(request).forEach(problem -> check.require(false, problem));
      check.orRefuse();
      String requestedBy = TaskActor.authenticated().orElse(by == null ? "opsflow" : by);
      Launch launch = launches.register(request, requestedBy, execution.getProcessInstanceId());
      execution.setProcessBusinessKey(launch.launchKey());
      execution.setVariable(LAUNCH_KEY, launch.launchKey());
      execution.setVariable(VERSION, launch.version());
      execution.setVariable(HYPERCARE_DAYS, launch.hypercareDays());
      execution.setVariable(FEEDBACK_NOT_APPLICABLE, Boolean.TRUE.equals(notApplicable));
      execution.setVariable(REQUESTED_BY, requestedBy);
      execution.setVariable(LAUNCH_AT, Date.from(launch.plannedStart()));
    };
  }

  /** Check readiness: each check a named result, shown in the sign-off and decision forms. */
  @Bean
  JavaDelegate checkLaunchReadiness(Launches launches, LaunchReadiness readiness) {
    return execution -> {
      String key = ProcessVariables.strictText(execution, LAUNCH_KEY);
      List<ReadinessCheck> checks = readiness.check(ProcessVariables.strictText(execution, SERVICE),
          ProcessVariables.lenientFlag(execution, FEEDBACK_NOT_APPLICABLE));
      launches.readinessChecked(key, checks);
      execution.setVariable(READINESS, Launches.text(checks));
      execution.setVariable(READINESS_PASSED, checks.stream().allMatch(ReadinessCheck::passed));
    };
  }

  /** Ops, dev and QA sign off with notes; QA links the load-test result. */
  @Bean
  TaskListener launchSignedOff(Launches launches) {
    return task -> {
      String group = SIGN_OFF_GROUPS.get(task.getTaskDefinitionKey());
      FormCheck check = FormCheck.of("sign off the launch");
      String notes = check.text(task, "notes", NOTES_MAX);
      String loadTest = Groups.QA.equals(group) ? check.text(task, "loadTestResult") : null;
      check.require(!Groups.QA.equals(group) || loadTest != null, "loadTestResult is required: link the load-test result")
          .require(loadTest == null || LINK.matcher(loadTest).matches(),
              "loadTestResult must be an http(s) address of at most 2000 characters")
          .orRefuse();
      String key = ProcessVariables.strictText(task, LAUNCH_KEY);
      launches.signOff(key, new SignOff(group, TaskActor.of(task), notes, loadTest, launches.now()));
      // each sign-off's fields are its own: the next form starts empty
      task.removeVariable("notes");
      task.removeVariable("loadTestResult");
    };
  }

  /** The decision form shows each group's sign-off: who, when, the notes and QA's load-test link. */
  @Bean
  TaskListener launchSignOffsShown(Launches launches, Installation installation) {
    return task -> {
      String key = ProcessVariables.strictText(task, LAUNCH_KEY);
      String text = String.join("\n\n", launches.details(key).signOffs().stream()
          .map(signOff -> launches.say("sign-off", "group", signOff.group(), "by", signOff.signedBy(), "at",
              signOff.signedAt(), "notes", signOff.notes() == null ? launches.say("sign-off.no-notes") : signOff.notes(),
              "loadTest", signOff.loadTestUrl()))
          .toList());
      task.setVariableLocal(SIGN_OFFS, Texts.forVariable(text, "GET /api/launches/" + key, installation.spoken()));
    };
  }

  /** A manager decides go or no-go; a no-go says why. */
  @Bean
  TaskListener launchDecided(Launches launches) {
    return task -> {
      FormCheck check = FormCheck.of("decide the launch");
      String decision = check.text(task, "decision");
      String reasons = check.text(task, "reasons", Launches.REASONS_MAX);
      check.require("go".equals(decision) || "no-go".equals(decision), "decision must be go or no-go")
          .require(!"no-go".equals(decision) || reasons != null, "reasons are required for a no-go")
          .orRefuse();
      boolean go = "go".equals(decision);
      launches.decided(ProcessVariables.strictText(task, LAUNCH_KEY), go, TaskActor.of(task), reasons);
      task.setVariable(GO, go);
    };
  }

  @Bean
  JavaDelegate recordNoGo(Launches launches) {
    return execution -> launches.end(ProcessVariables.strictText(execution, LAUNCH_KEY), LaunchState.NO_GO, null);
  }

  /** Open launch change: a normal change-release for the launch version, requested for the manager who launched. */
  @Bean
  JavaDelegate openLaunchChange(Launches launches, Changes changes) {
    return execution -> {
      Launch launch = launches.get(ProcessVariables.strictText(execution, LAUNCH_KEY));
      Instant plannedStart = launch.plannedStart();
      Change change = changes.request(new ChangeSubmission(launch.serviceKey(), launch.version(),
          launches.say("change.launch", "service", launch.serviceKey(), "version", launch.version(), "launch",
              launch.launchKey()), ChangeType.NORMAL,
          false, false, plannedStart.isAfter(launches.now()) ? plannedStart : null, null, null, launch.requestedBy(),
          launch.requestedBy(), null, null));
      launches.changeOpened(launch.launchKey(), change.changeKey());
      execution.setVariable(CHANGE_KEY, change.changeKey());
    };
  }

  @Bean
  JavaDelegate recordLaunchFailed(Launches launches) {
    return execution -> launches.end(ProcessVariables.strictText(execution, LAUNCH_KEY), LaunchState.FAILED,
        launches.say("lifecycle.launch-failed", "change", ProcessVariables.lenientText(execution, CHANGE_KEY), "outcome",
            ended(ProcessVariables.lenientText(execution, CHANGE_OUTCOME))));
  }

  /** Start hypercare: the service becomes launching (its incidents are raised a priority level). */
  @Bean
  JavaDelegate startHypercare(Launches launches) {
    return execution -> {
      String key = ProcessVariables.strictText(execution, LAUNCH_KEY);
      Instant started = launches.startHypercare(key, ProcessVariables.lenientText(execution, REQUESTED_BY),
          new ProcessRef(execution.getProcessInstanceId(), key));
      execution.setVariable(REPORT_DAY, 0);
      execution.setVariable(NEXT_REPORT_AT, Date.from(started.plus(Duration.ofDays(1))));
    };
  }

  /** Send launch report: the day's report stored whole, the manager told, the next report's time set. */
  @Bean
  JavaDelegate sendLaunchReport(Launches launches, LaunchReporting reporting, Notifications notifications,
      Installation installation) {
    return execution -> {
      Launch launch = launches.get(ProcessVariables.strictText(execution, LAUNCH_KEY));
      int day = ProcessVariables.strictNumber(execution, REPORT_DAY) + 1;
      String text = reporting.report(launch, day);
      launches.report(launch.launchKey(), new LaunchReport(day, text, launches.now()));
      String link = "/api/launches/" + launch.launchKey();
      notifications.publish(Notice.of(NoticeEvent.LAUNCH_REPORT.code() + ":" + launch.launchKey() + ":day-" + day,
              NoticeEvent.LAUNCH_REPORT, launch.launchKey())
          .withService(launch.serviceKey())
          .withGroups(List.of(Groups.MANAGER))
          .withFacts(Map.of("title", launch.serviceKey() + " " + launch.version(), "day", Integer.toString(day),
              "days", Integer.toString(launch.hypercareDays()), "report", Texts.clip(text, 1500)))
          .withLink(link)
          .withMention(List.of(launch.requestedBy())));
      execution.setVariable(REPORT_DAY, day);
      execution.setVariable(LAUNCH_REPORT, Texts.forVariable(text, link, installation.spoken()));
      execution.setVariable(NEXT_REPORT_AT,
          Date.from(launch.hypercareStartedAt().plus(Duration.ofDays(day + 1L))));
    };
  }

  /** Complete launch: the service is live, and the launch retrospective looks back on the hypercare period. */
  @Bean
  JavaDelegate completeLaunch(Launches launches, ApplicationEventPublisher events) {
    return execution -> {
      String key = ProcessVariables.strictText(execution, LAUNCH_KEY);
      Launch launch = launches.goLive(key, ProcessVariables.lenientText(execution, REQUESTED_BY),
          new ProcessRef(execution.getProcessInstanceId(), key));
      events.publishEvent(new LaunchRetrospectiveRequested(key, launch.serviceKey(), launch.version(),
          launch.hypercareStartedAt(), launch.endedAt()));
    };
  }

  /** How the launch change ended: its outcome when it closed, its state when it stopped; the code as sent otherwise. */
  private static Object ended(String code) {
    return Codes.find(ChangeOutcome.class, code).<Object>map(outcome -> outcome)
        .or(() -> Codes.find(ChangeState.class, code).map(state -> state)).orElse(code);
  }
}
