package io.opsflow.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Priority;
import io.opsflow.kernel.webhook.SignedWebhook;
import io.opsflow.support.Api.Response;
import io.opsflow.support.EmergencyPlanRunner;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.HookReceiver;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;

/**
 * The three shipped plans and the drill processes: each plan run for real (actions call their
 * webhooks, signed; a failing one is retried), aborted, and drilled (actions only recorded), with
 * reports listing every step; overdue drills open one "Schedule drill" each.
 */
@FullProcessCoverage({"emergency-plan-service-outage", "emergency-plan-database-failure",
    "emergency-plan-security-incident", "emergency-drill", "emergency-drill-check"})
@RecordApplicationEvents
class EmergencyPlanProcessIT extends IntegrationTest {

  @Autowired
  ApplicationEvents published;

  private static final List<String> PLANS = List.of("emergency-plan-service-outage", "emergency-plan-database-failure",
      "emergency-plan-security-incident");

  @Autowired
  EmergencyPlans plans;

  @Autowired
  Incidents incidents;

  @Autowired
  RecordingChannel notifications;

  @Test
  void serviceOutagePlanRunsForRealCallsItsActionAndReportsEveryStep() {
    int calls = HookReceiver.shared().callsTo(ACTION_PATH + "status-page-incident").size();
    String incident = as("olivia").post("/api/incidents",
        "{\"service\":\"payments-api\",\"title\":\"Checkout down\",\"impact\":\"high\",\"urgency\":\"high\"}").json()
        .path("incidentKey").asText();
    Response activated = as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        "{\"service\":\"payments-api\",\"incidentKey\":\"" + incident + "\",\"drill\":false}");
    assertThat(activated.status()).as(activated.toString()).isEqualTo(201);
    String key = activated.json().path("activationKey").asText();
    ProcessInstance process = processOf(key);
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().startsWith("Emergency plan " + key + " activated")
        && n.body().contains("Reason: incident " + incident) && n.body().contains("Service: payments-api"));

    assertThat(process).isWaitingAt("Task_TakeCommand");
    Task command = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
    assertThat(command.getDescription()).contains("incident commander");
    Incident p1 = incidents.find(incident).orElseThrow();
    assertThat(p1.priority()).isEqualTo(Priority.P1);
    assertThat(command.getPriority()).as("a P1's plan is the most urgent work").isEqualTo(100);
    assertThat(command.getDueDate()).as("due when the P1 must be resolved").isEqualTo(Date.from(p1.resolveDueAt()));
    new EmergencyPlanRunner(processEngine).run(process.getId(), "restored");

    assertThat(process).hasPassed("Task_OpenStatusIncident", "Task_FailOver", "Task_RollBackLatestChange",
        "Task_CheckUserJourneys", "Task_CommunicateUsers", "Task_StandDown", "End_PlanClosed").isEnded();
    HookReceiver.Call call = HookReceiver.shared().callsTo(ACTION_PATH + "status-page-incident").get(calls);
    assertThat(call.header("X-OpsFlow-Signature")).isEqualTo("sha256=" + SignedWebhook.sign(HOOK_SECRET, call.body()));
    assertThat(call.body()).contains(key).contains("payments-api");

    JsonNode report = as("quinn").get("/api/emergency-plans/activations/" + key + "/report").json();
    assertThat(report.path("activation").path("outcome").asText()).isEqualTo("restored");
    assertThat(report.path("activation").path("drill").asBoolean()).isFalse();
    assertThat(report.path("activation").path("commander").asText()).isEqualTo("mia");
    assertThat(report.path("planName").asText()).isEqualTo("Emergency plan: service outage");
    assertThat(report.path("durationSeconds").asLong()).isNotNegative();
    JsonNode steps = report.path("steps");
    assertThat(steps.findValuesAsText("step")).contains("Take command", "Fail over or shed load",
        "Roll back the latest change", "Check critical user journeys", "Publish notice to users", "Stand down");
    for (JsonNode step : steps) {
      assertThat(step.path("startedAt").asText()).isNotBlank();
      assertThat(step.path("endedAt").asText()).isNotBlank();
      assertThat(step.path("durationSeconds").isNumber()).isTrue();
    }
    assertThat(stepByName(steps, "Fail over or shed load").path("role").asText()).isEqualTo("ops");
    assertThat(stepByName(steps, "Fail over or shed load").path("who").asText()).isEqualTo("olivia");
    assertThat(stepByName(steps, "Open status page incident").path("role").asText()).isEqualTo("automated");
    assertThat(report.path("log").findValuesAsText("kind")).contains("command", "note", "notice", "action");
    assertThat(as("olivia").get("/api/incidents/" + incident).json().path("timeline").findValuesAsText("message"))
        .anyMatch(message -> message.contains("Emergency plan " + key + " ended: restored"));
    assertThat(published.stream(PlanFinished.class)).singleElement().satisfies(event -> {
      assertThat(event.activationKey()).isEqualTo(key);
      assertThat(event.planKey()).isEqualTo("emergency-plan-service-outage");
      assertThat(event.serviceKey()).isEqualTo("payments-api");
      assertThat(event.incidentKey()).isEqualTo(incident);
      assertThat(event.drill()).isFalse();
      assertThat(event.outcome()).isEqualTo(PlanOutcome.RESTORED);
      assertThat(event.endedAt()).isNotNull();
    });
  }

  @Test
  void databasePlanDrillCallsNoRealHookAndProducesADrillReport() {
    int calls = HookReceiver.shared().callsTo(ACTION_PATH + "freeze-writes").size();
    String key = as("olivia").post("/api/emergency-plans/emergency-plan-database-failure/activations",
        "{\"service\":\"payments-api\",\"drill\":true}").json().path("activationKey").asText();
    ProcessInstance process = processOf(key);
    Task command = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
    assertThat(processEngine.getRuntimeService().getVariable(process.getId(), "drillMark"))
        .as("DRILL on every card of the drill").isEqualTo("DRILL");
    assertThat(command.getPriority()).as("no incident: Camunda's normal priority").isEqualTo(50);
    assertThat(processEngine.getRuntimeService().getVariables(process.getId())).as("no empty priority on the card")
        .doesNotContainKey("priority");
    assertThat(command.getDueDate()).as("no incident to resolve").isNull();

    new EmergencyPlanRunner(processEngine).run(process.getId(), "mitigated");

    assertThat(process).hasPassed("Task_FreezeWrites", "Task_PromoteReplica", "Task_CheckDataIntegrity",
        "Task_VerifyReadsAndWrites", "Task_ReconcileTransactions", "End_PlanClosed").isEnded();
    assertThat(HookReceiver.shared().callsTo(ACTION_PATH + "freeze-writes")).as("no real call in a drill").hasSize(calls);
    JsonNode report = as("mia").get("/api/emergency-plans/activations/" + key + "/report").json();
    assertThat(report.path("activation").path("drill").asBoolean()).isTrue();
    assertThat(report.path("activation").path("incidentKey").isMissingNode()).isTrue();
    assertThat(report.path("log").findValuesAsText("kind")).contains("dry-run");
    assertThat(report.path("log").findValuesAsText("message")).anyMatch(m -> m.startsWith("Drill: would POST action 'freeze-writes'"));
    JsonNode plan = plan("emergency-plan-database-failure");
    assertThat(plan.path("lastDrill").asText()).isNotBlank();
    assertThat(plan.path("drillOverdue").asBoolean()).isFalse();
    assertThat(published.stream(PlanFinished.class)).singleElement().satisfies(event -> {
      assertThat(event.activationKey()).isEqualTo(key);
      assertThat(event.drill()).isTrue();
      assertThat(event.incidentKey()).isNull();
      assertThat(event.outcome()).isEqualTo(PlanOutcome.MITIGATED);
    });
  }

  @Test
  void securityPlanActionFailingIsRetriedThenSucceeds() {
    HookReceiver.shared().answerNext(503);
    String key = as("mia").post("/api/emergency-plans/emergency-plan-security-incident/activations",
        "{\"service\":\"web-portal\",\"drill\":false}").json().path("activationKey").asText();
    ProcessInstance process = processOf(key);
    completeTask(process, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "isolate first"));

    Job action = processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId("Task_IsolateHosts").singleResult();
    try {
      processEngine.getManagementService().executeJob(action.getId());
    } catch (RuntimeException firstCallFailed) {
      assertThat(firstCallFailed).hasMessageContaining("HTTP 503");
    }
    assertThat(processEngine.getManagementService().createJobQuery().jobId(action.getId()).singleResult().getRetries())
        .isEqualTo(2);
    processEngine.getManagementService().executeJob(action.getId());
    new EmergencyPlanRunner(processEngine).run(process.getId(), "restored");

    assertThat(process).hasPassed("Task_IsolateHosts", "Task_PreserveEvidence", "Task_RotateCredentials",
        "Task_CloseAttackPath", "Task_VerifyNoAccess", "Task_NotifyAuthorities", "End_PlanClosed").isEnded();
    assertThat(plans.report(key, true).log()).anyMatch(entry -> entry.kind() == ActivationLogKind.ACTION
        && entry.message().contains("'isolate-hosts' called") && entry.message().contains("HTTP 200"));
  }

  @Test
  void anActionThatStillFailsAfterItsRetriesBecomesATaskToDoItByHandAndThePlanGoesOn() {
    int calls = HookReceiver.shared().callsTo(ACTION_PATH + "freeze-writes").size();
    String key = activate("emergency-plan-database-failure", "payments-api", null);
    ProcessInstance process = processOf(key);
    completeTask(process, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "freeze first"));
    HookReceiver.shared().answerNext(503, 502, 503);

    Instant now = Instant.now();
    for (int attempt = 1; attempt <= 2; attempt++) {
      Job action = actionJob(process, "Task_FreezeWrites");
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(action.getId()))
          .as("attempt %s is retried", attempt).hasMessageContaining("HTTP 50");
      assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
          .executable().count()).as("the retry waits its 30 seconds").isZero();
      now = now.plusSeconds(35);
      ClockUtil.setCurrentTime(Date.from(now));
    }
    processEngine.getManagementService().executeJob(actionJob(process, "Task_FreezeWrites").getId());

    assertThat(HookReceiver.shared().callsTo(ACTION_PATH + "freeze-writes")).hasSize(calls + 3);
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count())
        .as("no Cockpit incident").isZero();
    assertThat(process).hasPassed("Error_FreezeWritesFailed").isWaitingAt("Task_FreezeWritesByHand", "Task_PromoteReplica");
    Task byHand = task(process, "Task_FreezeWritesByHand");
    assertThat(byHand.getName()).isEqualTo("Do it by hand: freeze-writes");
    assertThat(candidates(process, "Task_FreezeWritesByHand")).containsExactly("ops");
    assertThat((String) processEngine.getTaskService().getVariable(byHand.getId(), "actionFailure"))
        .contains("Action 'freeze-writes' failed at attempt 3").contains("HTTP 503");
    // the form shows what to do: Tasklist shows the step's documentation only on another tab
    assertThat((String) processEngine.getTaskService().getVariableLocal(byHand.getId(), "stepInstructions"))
        .isEqualTo(byHand.getDescription()).contains("switch the application to read-only by hand");
    assertThatThrownBy(() -> completeTask(process, "Task_FreezeWritesByHand", "olivia", Map.of()))
        .hasMessageContaining("stepNote must say what was done");
    completeTask(process, "Task_FreezeWritesByHand", "olivia", Map.of("stepNote", "set read-only in the admin UI"));
    new EmergencyPlanRunner(processEngine).run(process.getId(), "restored");

    assertThat(process).hasPassed("Task_FreezeWritesByHand", "Gateway_FreezeWritesDone", "Task_PromoteReplica",
        "Task_ReconcileTransactions", "End_PlanClosed").isEnded();
    EmergencyPlans.Report report = plans.report(key, true);
    assertThat(report.activation().outcome()).isEqualTo(PlanOutcome.RESTORED);
    assertThat(report.log()).anyMatch(entry -> entry.kind() == ActivationLogKind.ACTION_FAILED
        && entry.message().contains("failed at attempt 3: emergency.action webhook") && entry.message().contains("HTTP 503"));
    assertThat(report.log()).anyMatch(entry -> entry.step().equals("Do it by hand: freeze-writes")
        && entry.kind() == ActivationLogKind.NOTE && entry.actor().equals("olivia")
        && entry.message().equals("set read-only in the admin UI"));
    assertThat(report.steps()).anyMatch(step -> step.step().equals("Do it by hand: freeze-writes")
        && step.role().equals("ops") && "olivia".equals(step.who()) && step.endedAt() != null && !step.cancelled());
    assertThat(report.steps()).anyMatch(step -> step.step().equals("Switch the application to read-only")
        && step.role().equals("automated") && step.cancelled());
  }

  @Test
  void anActionTheReceiverRefusesBecomesATaskAtOnceForTheGroupTheRoutingRulePicks() {
    HookReceiver.shared().answerNext(404);
    String outage = activate("emergency-plan-service-outage", "payments-api", null);
    ProcessInstance outageProcess = processOf(outage);
    completeTask(outageProcess, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "go"));
    processEngine.getManagementService().executeJob(actionJob(outageProcess, "Task_OpenStatusIncident").getId());

    assertThat(outageProcess).isWaitingAt("Task_OpenStatusIncidentByHand", "Task_FailOver", "Task_RollBackLatestChange");
    assertThat((String) processEngine.getRuntimeService().getVariable(outageProcess.getId(), "actionFailure"))
        .contains("failed for good at attempt 1").contains("HTTP 404");
    new EmergencyPlanRunner(processEngine).run(outageProcess.getId(), "mitigated");
    assertThat(outageProcess).hasPassed("Task_OpenStatusIncidentByHand", "Gateway_OpenStatusIncidentDone",
        "End_PlanClosed").isEnded();

    String incident = as("sasha").post("/api/incidents", "{\"service\":\"web-portal\",\"title\":\"Malware beacon\","
        + "\"impact\":\"high\",\"urgency\":\"high\",\"category\":\"security\"}").json().path("incidentKey").asText();
    for (String incidentKey : java.util.Arrays.asList(incident, null)) {
      HookReceiver.shared().answerNext(403);
      ProcessInstance security = processOf(activate("emergency-plan-security-incident", "web-portal", incidentKey));
      completeTask(security, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "contain"));
      processEngine.getManagementService().executeJob(actionJob(security, "Task_IsolateHosts").getId());

      assertThat(security).isWaitingAt("Task_IsolateHostsByHand", "Task_PreserveEvidence");
      assertThat(candidates(security, "Task_IsolateHostsByHand")).as("restricted: %s", incidentKey != null)
          .containsExactly(incidentKey != null ? "security" : "ops");
      new EmergencyPlanRunner(processEngine).run(security.getId(), "restored");
      assertThat(security).hasPassed("Task_IsolateHostsByHand", "Gateway_IsolateHostsDone", "End_PlanClosed").isEnded();
    }
  }

  @Test
  void theCommanderAbortsARunningPlanInAnyStateAndEveryOpenStepCloses() {
    // waiting for the commander
    String waiting = activate("emergency-plan-service-outage", "payments-api", null);
    assertAborted(waiting, "false alarm", "Take command");

    // an action failed once and waits for its retry while people work on the other steps
    String retrying = activate("emergency-plan-database-failure", "payments-api", null);
    ProcessInstance database = processOf(retrying);
    completeTask(database, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "go"));
    HookReceiver.shared().answerNext(503);
    Job action = actionJob(database, "Task_FreezeWrites");
    assertThatThrownBy(() -> processEngine.getManagementService().executeJob(action.getId()))
        .hasMessageContaining("HTTP 503");
    assertAborted(retrying, "the primary came back", "Promote the replica"); // asserts the waiting retry is gone too

    // a restricted incident's action went to the security team by hand; dev's step is open too
    String incident = as("sasha").post("/api/incidents", "{\"service\":\"web-portal\",\"title\":\"Token leaked\","
        + "\"impact\":\"high\",\"urgency\":\"high\",\"category\":\"security\"}").json().path("incidentKey").asText();
    String restricted = activate("emergency-plan-security-incident", "web-portal", incident);
    ProcessInstance security = processOf(restricted);
    completeTask(security, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "contain"));
    HookReceiver.shared().answerNext(401);
    processEngine.getManagementService().executeJob(actionJob(security, "Task_IsolateHosts").getId());
    completeTask(security, "Task_PreserveEvidence", "olivia", Map.of("stepNote", "images taken"));
    assertThat(security).isWaitingAt("Task_IsolateHostsByHand");
    assertAborted(restricted, "handed to the forensics firm", "Do it by hand: isolate-hosts");
    assertThat(as("olivia").get("/api/incidents/" + incident).json().path("timeline").findValuesAsText("message"))
        .anyMatch(message -> message.contains("Emergency plan " + restricted + " ended: aborted"));

    // at the very end, the commander standing down
    String standingDown = activate("emergency-plan-security-incident", "web-portal", null);
    ProcessInstance last = processOf(standingDown);
    completeTask(last, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "go"));
    for (List<String> step : List.of(List.of("Task_PreserveEvidence", "olivia"), List.of("Task_RotateCredentials", "devon"),
        List.of("Task_CloseAttackPath", "olivia"), List.of("Task_VerifyNoAccess", "quinn"),
        List.of("Task_NotifyAuthorities", "mia"))) {
      processEngine.getManagementService().createJobQuery().processInstanceId(last.getId()).executable().list()
          .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
      completeTask(last, step.get(0), step.get(1), Map.of("stepNote", "done"));
    }
    completeTask(last, "Task_CommunicateUsers", "mia", Map.of("notice", "all clear"));
    assertAborted(standingDown, "not ours after all", "Stand down");
  }

  @Test
  void abortingIsForManagersOfAPlanThatStillRuns() {
    String key = activate("emergency-plan-service-outage", "payments-api", null);
    String path = "/api/emergency-plans/activations/" + key + "/abort";

    assertThat(as("devon").post(path, "{\"reason\":\"no\"}").status()).isEqualTo(403);
    assertThat(as("olivia").post(path, "{\"reason\":\"no\"}").status()).isEqualTo(403);
    assertThat(as("mia").post(path, "{}").status()).isEqualTo(400);
    assertThat(as("mia").post(path, "{\"reason\":\"  \"}").status()).isEqualTo(400);
    assertThat(as("mia").post("/api/emergency-plans/activations/EPA-1999-0001/abort", "{\"reason\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(processOf(key)).isWaitingAt("Task_TakeCommand");
    assertThat(as("mia").post(path, "{\"reason\":\"drill by mistake\"}").status()).isEqualTo(200);
    Response again = as("mia").post(path, "{\"reason\":\"again\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText()).contains("has already ended: aborted");

    String drillOf = "emergency-plan-database-failure";
    ProcessInstance drill = processEngine.getRuntimeService().startProcessInstanceByKey(EmergencyPlans.DRILL_PROCESS,
        drillOf, Map.of("planKey", drillOf, "planFacts", "forced"));
    completeTask(drill, "Task_ScheduleDrill", "mia", Map.of("service", "reporting",
        "drillAt", Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString()));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(120)));
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(drill.getId()).timers().singleResult().getId());
    ProcessInstance plan = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(drill.getId()).singleResult();
    assertThat(as("mia").post("/api/emergency-plans/activations/" + plan.getBusinessKey() + "/abort",
        "{\"reason\":\"drill cut short\"}").status()).isEqualTo(200);
    assertThat(drill).as("a drill ends with its plan").hasPassed("End_DrillDone").isEnded();
  }

  @Test
  void aPlanForASecurityIncidentGivesItsDevAndQaStepsToTheSecurityTeamAndADrillDoesNot() {
    String incident = as("sasha").post("/api/incidents", "{\"service\":\"web-portal\",\"title\":\"Web shell found\","
        + "\"impact\":\"high\",\"urgency\":\"high\",\"category\":\"security\"}").json().path("incidentKey").asText();
    String key = as("olivia").post("/api/emergency-plans/emergency-plan-security-incident/activations",
        "{\"service\":\"web-portal\",\"incidentKey\":\"" + incident + "\",\"drill\":false}").json()
        .path("activationKey").asText();
    ProcessInstance restricted = processOf(key);
    String drillKey = as("olivia").post("/api/emergency-plans/emergency-plan-security-incident/activations",
        "{\"service\":\"web-portal\",\"drill\":true}").json().path("activationKey").asText();
    ProcessInstance drill = processOf(drillKey);

    for (ProcessInstance process : List.of(restricted, drill)) {
      completeTask(process, "Task_TakeCommand", "mia", Map.of("proceed", "true", "briefing", "contain it"));
      processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).executable().list()
          .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
      completeTask(process, "Task_PreserveEvidence", "olivia", Map.of("stepNote", "disk images taken"));
    }

    assertThat(candidates(restricted, "Task_RotateCredentials")).containsExactly("security");
    assertThat(candidates(drill, "Task_RotateCredentials")).containsExactly("dev");
    completeTask(restricted, "Task_RotateCredentials", "sasha", Map.of("stepNote", "rotated"));
    completeTask(restricted, "Task_CloseAttackPath", "olivia", Map.of("stepNote", "patched"));
    assertThat(candidates(restricted, "Task_VerifyNoAccess")).containsExactly("security");
    assertThat(as("devon").get("/api/emergency-plans/activations/" + key + "/report").status()).isEqualTo(404);
    assertThat(as("devon").get("/api/emergency-plans/activations/" + drillKey + "/report").status()).isEqualTo(200);
    new EmergencyPlanRunner(processEngine).run(restricted.getId(), "restored");
    new EmergencyPlanRunner(processEngine).run(drill.getId(), "restored");
  }

  @Test
  void everyPlanCanBeAbortedByItsCommander() {
    for (String planKey : PLANS) {
      String key = as("mia").post("/api/emergency-plans/" + planKey + "/activations",
          "{\"service\":\"reporting\",\"drill\":false}").json().path("activationKey").asText();
      ProcessInstance process = processOf(key);

      new EmergencyPlanRunner(processEngine).run(process.getId(), "aborted");

      assertThat(process).hasPassed("Task_RecordAborted", "End_PlanClosed").hasNotPassed("Task_StandDown").isEnded();
      assertThat(plans.find(key).orElseThrow().outcome()).isEqualTo(PlanOutcome.ABORTED);
    }
  }

  @Test
  void overdueDrillsOpenOneScheduleTaskEachAndTheScheduledDrillRunsThePlan() {
    executeDailyCheck();
    List<String> overdue = plans.plans().stream().filter(EmergencyPlans.Plan::drillOverdue).map(EmergencyPlans.Plan::key)
        .toList();
    for (String planKey : overdue) {
      assertThat(drillProcesses(planKey)).as("one drill task for %s", planKey).isOne();
    }
    executeDailyCheck();
    for (String planKey : overdue) {
      assertThat(drillProcesses(planKey)).as("no duplicate for %s", planKey).isOne();
      assertThat(notifications.about(planKey)).as("drill.due of %s, once", planKey)
          .filteredOn(n -> n.subject().startsWith("Drill due: " + planKey)).hasSize(1)
          .allMatch(n -> n.groups().contains("manager") && n.body().contains("/camunda/app/tasklist/default/#/?task="));
    }

    ProcessInstance drill = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EmergencyPlans.DRILL_PROCESS).processInstanceBusinessKey("emergency-plan-service-outage")
        .singleResult();
    if (drill == null) {
      drill = processEngine.getRuntimeService().startProcessInstanceByKey(EmergencyPlans.DRILL_PROCESS,
          "emergency-plan-service-outage", Map.of("planKey", "emergency-plan-service-outage", "planFacts", "forced"));
    }
    ProcessInstance scheduling = drill;
    assertThatThrownBy(() -> completeTask(scheduling, "Task_ScheduleDrill", "mia", Map.of("service", "web-portal")))
        .hasMessageContaining("drillAt is required");
    assertThatThrownBy(() -> completeTask(scheduling, "Task_ScheduleDrill", "mia",
        Map.of("service", "web-portal", "drillAt", "next Tuesday")))
        .hasMessageContaining("drillAt must be a date and time with offset").hasMessageNotContaining("is required");
    Instant when = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    completeTask(drill, "Task_ScheduleDrill", "mia", Map.of("service", "web-portal", "drillAt", when.toString()));
    assertThat(drill).isWaitingAt("Timer_DrillTime");
    ClockUtil.setCurrentTime(Date.from(when.plusSeconds(1)));
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(drill.getId()).timers()
        .singleResult();
    processEngine.getManagementService().executeJob(timer.getId());

    ProcessInstance plan = processEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(drill.getId()).singleResult();
    assertThat(processEngine.getRuntimeService().getVariable(plan.getId(), "drill")).isEqualTo(true);
    new EmergencyPlanRunner(processEngine).run(plan.getId(), "restored");
    assertThat(drill).hasPassed("CallActivity_RunDrill", "End_DrillDone").isEnded();
    assertThat(plan("emergency-plan-service-outage").path("drillOverdue").asBoolean()).isFalse();
  }

  @Test
  void plansAreListedWithOwnerIntervalAndDrillState() {
    JsonNode list = as("devon").get("/api/emergency-plans").json();

    assertThat(list.findValuesAsText("key")).containsAll(PLANS);
    JsonNode security = plan("emergency-plan-security-incident");
    assertThat(security.path("ownerGroup").asText()).isEqualTo("ops");
    assertThat(security.path("drillIntervalDays").asInt()).isEqualTo(180);
    assertThat(security.path("name").asText()).isEqualTo("Emergency plan: security incident");
  }

  @Test
  void activationIsCheckedAndOnlyManagersAndOpsActivate() {
    String body = "{\"service\":\"payments-api\",\"drill\":true}";

    assertThat(as("devon").post("/api/emergency-plans/emergency-plan-service-outage/activations", body).status()).isEqualTo(403);
    assertThat(api().bearer("demo-ci-token").post("/api/emergency-plans/emergency-plan-service-outage/activations", body)
        .status()).isEqualTo(403);
    assertThat(as("mia").post("/api/emergency-plans/emergency-plan-nothing/activations", body).status()).isEqualTo(404);
    assertThat(as("mia").post("/api/emergency-plans/incident-response/activations", body).status()).isEqualTo(404);
    assertThat(as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        "{\"service\":\"ghost\",\"drill\":true}").status()).isEqualTo(400);
    assertThat(as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        "{\"service\":\"payments-api\",\"incidentKey\":\"INC-1999-0001\",\"drill\":false}").status()).isEqualTo(400);
    assertThat(as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        "{\"service\":\"payments-api\"}").status()).isEqualTo(400);
    assertThat(as("mia").get("/api/emergency-plans/activations/EPA-1999-0001/report").status()).isEqualTo(404);
  }

  @Test
  void aManagerActivatesAPlanFromTasklistsStartForm() {
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("emergency-plan-service-outage").latestVersion().singleResult().getId();
    processEngine.getIdentityService().setAuthentication("mia", List.of("manager"));
    ProcessInstance process;
    try {
      assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definitionId, Map.of("drill", false)))
          .hasMessageContaining("service must name the affected service");
      process = processEngine.getFormService().submitStartForm(definitionId,
          Map.of("service", "reporting", "incidentKey", "", "drill", true));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    PlanActivation activation = plans.find(process.getBusinessKey()).orElseThrow();
    assertThat(activation.startedBy()).isEqualTo("mia");
    assertThat(activation.drill()).isTrue();
    assertThat(activation.activationKey()).matches("EPA-\\d{4}-\\d{4,}");
    assertThat(process).isWaitingAt("Task_TakeCommand");
  }

  // --- helpers

  private String activate(String planKey, String service, String incidentKey) {
    Response activated = as("mia").post("/api/emergency-plans/" + planKey + "/activations", "{\"service\":\"" + service
        + "\"" + (incidentKey == null ? "" : ",\"incidentKey\":\"" + incidentKey + "\"") + ",\"drill\":false}");
    assertThat(activated.status()).as(activated.toString()).isEqualTo(201);
    return activated.json().path("activationKey").asText();
  }

  /** The commander aborts the plan over the API: it ends aborted, nothing stays open, the report says so. */
  private void assertAborted(String key, String reason, String openStep) {
    ProcessInstance process = processOf(key);
    Response aborted = as("mia").post("/api/emergency-plans/activations/" + key + "/abort",
        "{\"reason\":\"" + reason + "\"}");

    assertThat(aborted.status()).as(aborted.toString()).isEqualTo(200);
    assertThat(aborted.json().path("outcome").asText()).isEqualTo("aborted");
    assertThat(aborted.json().path("endedAt").asText()).isNotBlank();
    assertThat(process).hasPassed("StartEvent_AbortRequested", "Task_RecordAbortRequested",
        "Task_CloseAbortedActivation", "End_PlanAborted").hasNotPassed("End_PlanClosed").isEnded();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).count()).isZero();
    JsonNode report = as("mia").get("/api/emergency-plans/activations/" + key + "/report").json();
    assertThat(report.path("activation").path("outcome").asText()).isEqualTo("aborted");
    assertThat(report.path("activation").path("summary").asText()).isEqualTo("Aborted by mia: " + reason);
    assertThat(stepByName(report.path("steps"), openStep).path("cancelled").asBoolean()).as(openStep).isTrue();
    assertThat(stepByName(report.path("steps"), openStep).path("endedAt").asText()).isNotBlank();
    JsonNode entry = null;
    for (JsonNode candidate : report.path("log")) {
      entry = "abort".equals(candidate.path("kind").asText()) ? candidate : entry;
    }
    assertThat(entry).as("the abort in the log").isNotNull();
    assertThat(entry.path("actor").asText()).isEqualTo("mia");
    assertThat(entry.path("message").asText()).contains(reason);
    JsonNode audit = as("mia").get("/api/audit?subject=" + key).json();
    assertThat(audit.findValuesAsText("action")).contains("emergency-plan.aborted");
  }

  private Job actionJob(ProcessInstance process, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId(activityId).singleResult();
  }

  private Task task(ProcessInstance process, String definitionKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
  }

  private void executeDailyCheck() {
    Job daily = processEngine.getManagementService().createJobQuery().processDefinitionKey("emergency-drill-check")
        .timers().singleResult();
    processEngine.getManagementService().executeJob(daily.getId());
  }

  private long drillProcesses(String planKey) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EmergencyPlans.DRILL_PROCESS)
        .processInstanceBusinessKey(planKey).count();
  }

  private JsonNode plan(String key) {
    for (JsonNode plan : as("mia").get("/api/emergency-plans").json()) {
      if (plan.path("key").asText().equals(key)) {
        return plan;
      }
    }
    throw new AssertionError("no plan " + key);
  }

  private static JsonNode stepByName(JsonNode steps, String name) {
    for (JsonNode step : steps) {
      if (step.path("step").asText().equals(name)) {
        return step;
      }
    }
    throw new AssertionError("no step " + name);
  }

  private void completeTask(ProcessInstance process, String definitionKey, String user, Map<String, Object> variables) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
    processEngine.getTaskService().claim(task.getId(), user);
    processEngine.getTaskService().complete(task.getId(), variables);
  }

  private List<String> candidates(ProcessInstance process, String definitionKey) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(definitionKey).singleResult();
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
  }

  private ProcessInstance processOf(String activationKey) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(activationKey)
        .singleResult();
  }
}
