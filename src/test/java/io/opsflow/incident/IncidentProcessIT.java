package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.incident.intake.AlertIntake;
import io.opsflow.incident.intake.IntakeResult;
import io.opsflow.incident.intake.Observation;
import io.opsflow.oncall.OnCall;
import io.opsflow.support.EmergencyPlanRunner;
import io.opsflow.support.Fixtures;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;
import io.opsflow.support.TestDatabase;

/**
 * Every path of incident-response: each priority, major or not, ops or dev diagnosis, failed
 * verification, both SLA escalations (by moving the engine's clock), alerts that resolve on their
 * own (confirmed or declined), an unknown service, and a report from Tasklist.
 */
@FullProcessCoverage("incident-response")
class IncidentProcessIT extends IntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Incidents incidents;

  @Autowired
  AlertIntake intake;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  RecordingChannel notifications;

  @Autowired
  OnCall onCall;

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  ServiceLifecycle lifecycle;

  @Test
  void p1IsMajorRunsTheEmergencyPlanBesideDevDiagnosisAndEndsWithARetrospective() {
    ProcessInstance process = report("high", "high", "payments-api");
    String key = process.getBusinessKey();
    assertThat(incident(key).priority()).isEqualTo(Priority.P1);
    notifyOnCall(process);
    assertThat(notifications.about(key)).anyMatch(n -> n.groups().contains("ops") && n.subject().startsWith("[P1]"));

    Task triage = task("Task_AcknowledgeTriage", process);
    assertThat(triage).hasCandidateGroup("ops");
    assertThat(triage.getDueDate()).isEqualTo(Date.from(incident(key).ackDueAt()));
    assertThat(triage.getPriority()).as("a P1 is the most urgent work in Tasklist").isEqualTo(100);
    claimAndComplete(triage, "olivia", Map.of("category", "outage", "diagnosisGroup", "dev", "major", false));

    assertThat(process).isWaitingAt("Task_DiagnoseMitigate", "CallActivity_RunEmergencyPlan");
    assertThat(task("Task_DiagnoseMitigate", process)).hasCandidateGroup("dev");
    assertThat(incident(key).major()).as("P1 is always major").isTrue();
    ProcessInstance plan = plan(process);
    assertThat(planKey(plan)).isEqualTo("emergency-plan-service-outage");
    assertThat(task("Task_DiagnoseMitigate", process).getPriority()).isEqualTo(100);
    Task command = taskService().createTaskQuery().processInstanceId(plan.getId()).singleResult();
    assertThat(command.getTaskDefinitionKey()).isEqualTo("Task_TakeCommand");
    assertThat(command.getPriority()).as("the plan is as urgent as its incident").isEqualTo(100);
    assertThat(command.getDueDate()).as("due when the incident must be resolved")
        .isEqualTo(Date.from(incident(key).resolveDueAt()));
    assertThat(runtimeService().getVariable(plan.getId(), "priority")).as("shown on the card").isEqualTo("P1");
    assertThat(runtimeService().getVariables(plan.getId())).as("no DRILL mark for real, not even empty")
        .doesNotContainKey("drillMark");

    new EmergencyPlanRunner(processEngine).run(plan.getId(), "restored");
    assertThat(process).isWaitingAt("Task_DiagnoseMitigate");
    assertThat(runtimeService().getVariable(process.getId(), "planOutcome")).isEqualTo("restored");
    claimAndComplete(task("Task_DiagnoseMitigate", process), "devon", Map.of("resolutionSummary", "rolled back 2.4.1"));
    Task verification = task("Task_VerifyResolution", process);
    assertThat(verification.getDueDate()).as("the resolve SLA watches verification too")
        .isEqualTo(Date.from(incident(key).resolveDueAt()));
    assertThat(verification.getPriority()).isEqualTo(100);
    claimAndComplete(verification, "quinn", Map.of("verified", true));
    closeIncident(process);

    assertThat(process).hasPassed("Task_RequestRetrospective").isEnded();
    Incident closed = incident(key);
    assertThat(closed.state()).isEqualTo(IncidentState.CLOSED);
    assertThat(closed.retrospectiveDue()).isTrue();
    assertThat(closed.acknowledgedBy()).isEqualTo("olivia");
    assertThat(closed.resolvedBy()).isEqualTo("devon");
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().startsWith("Incident " + key + " closed")
        && n.body().contains("Resolution: rolled back 2.4.1"));
    assertThat(closed.secondsToAcknowledge()).isNotNull().isNotNegative();
    assertThat(closed.secondsToResolve()).isGreaterThanOrEqualTo(closed.secondsToAcknowledge());
    assertThat(timelineKinds(key)).containsSubsequence("opened", "priority", "notified", "acknowledged", "major",
        "emergency-plan", "mitigated", "verified", "closed", "retrospective-due");
    assertThat(timelineMessages(key)).anyMatch(m -> m.startsWith("Emergency plan EPA-") && m.contains("ended: restored"));
    var retrospective = runtimeService().createProcessInstanceQuery().processDefinitionKey("post-launch-retrospective")
        .variableValueEquals("subjectKey", key).singleResult();
    assertThat(retrospective).as("P1 starts a retrospective at once").isNotNull();
    assertThat(retrospective).isWaitingAt("Task_Prepare");
  }

  @Test
  void p2DeclaredMajorAtTriageRunsThePlanWithOpsDiagnosis() {
    ProcessInstance process = report("high", "medium", "payments-api");
    assertThat(incident(process.getBusinessKey()).priority()).isEqualTo(Priority.P2);
    notifyOnCall(process);

    claimAndComplete(task("Task_AcknowledgeTriage", process), "oscar", Map.of("category", "database", "diagnosisGroup", "ops", "major", true));

    assertThat(process).isWaitingAt("Task_DiagnoseMitigate", "CallActivity_RunEmergencyPlan");
    assertThat(planKey(plan(process))).isEqualTo("emergency-plan-database-failure");
    assertThat(task("Task_DiagnoseMitigate", process)).hasCandidateGroup("ops");
    claimAndComplete(task("Task_DiagnoseMitigate", process), "olivia", Map.of("resolutionSummary", "restarted pods"));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn", Map.of("verified", true));
    assertThat(process).as("waits for the plan").isWaitingAt("CallActivity_RunEmergencyPlan");
    new EmergencyPlanRunner(processEngine).run(plan(process).getId(), "mitigated");
    closeIncident(process);

    assertThat(process).hasPassed("Task_RequestRetrospective").isEnded();
    assertThat(incident(process.getBusinessKey()).retrospectiveDue()).isTrue();
  }

  @Test
  void aMajorIncidentOnARetiredServiceRunsNoEmergencyPlan() {
    String service = "retired-" + System.nanoTime() % 1000000;
    catalog.create(new ServiceDraft(service, "Shut down already", 2, "dev", "ops", List.of(), "live"));
    lifecycle.moveByHand(service, LifecycleState.DEPRECATED, "mia", "retirement announced");
    lifecycle.moveByHand(service, LifecycleState.RETIRED, "mia", "shut down");
    ProcessInstance process = report("high", "medium", service);
    notifyOnCall(process);

    claimAndComplete(task("Task_AcknowledgeTriage", process), "oscar",
        Map.of("category", "database", "diagnosisGroup", "ops", "major", true));

    assertThat(process).hasPassed("Task_SelectEmergencyPlan", "Gateway_PlanSelected")
        .isWaitingAt("Task_DiagnoseMitigate").isNotWaitingAt("CallActivity_RunEmergencyPlan");
    assertThat(plan(process)).as("emergency-plan-selection selects none for a retired service").isNull();
  }

  @Test
  void p3WithOpsDiagnosisNeedsNoPlanAndNoRetrospective() {
    ProcessInstance process = report("medium", "medium", "web-portal");
    assertThat(incident(process.getBusinessKey()).priority()).isEqualTo(Priority.P3);
    notifyOnCall(process);
    assertThat(task("Task_AcknowledgeTriage", process).getPriority()).isEqualTo(50);

    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia", Map.of("category", "outage", "diagnosisGroup", "ops"));
    assertThat(process).isWaitingAt("Task_DiagnoseMitigate").isNotWaitingAt("CallActivity_RunEmergencyPlan");
    claimAndComplete(task("Task_DiagnoseMitigate", process), "olivia", Map.of("resolutionSummary", "cleared the cache"));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn", Map.of("verified", true));
    closeIncident(process);

    assertThat(process).hasPassed("Gateway_RetrospectiveNeeded").hasNotPassed("Task_RequestRetrospective")
        .isEnded();
    Incident closed = incident(process.getBusinessKey());
    assertThat(closed.retrospectiveDue()).isFalse();
    assertThat(closed.major()).isFalse();
    assertThat(closed.ackSlaBreached()).isFalse();
  }

  @Test
  void p4OverriddenToP2AtTriageGetsTheP2ResolveTargetAndARetrospective() {
    ProcessInstance process = report("low", "low", "reporting");
    String key = process.getBusinessKey();
    assertThat(incident(key).priority()).isEqualTo(Priority.P4);
    notifyOnCall(process);
    assertThat(task("Task_AcknowledgeTriage", process).getPriority()).isEqualTo(25);

    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia", Map.of("category", "outage", "diagnosisGroup", "dev",
        "priorityOverride", "P2", "overrideReason", "month-end reports block finance"));

    Incident overridden = incident(key);
    assertThat(overridden.priority()).isEqualTo(Priority.P2);
    assertThat(overridden.resolveSlaMinutes()).isEqualTo(240);
    assertThat(overridden.resolveDueAt()).isEqualTo(overridden.openedAt().plus(Duration.ofMinutes(240)));
    assertThat(task("Task_DiagnoseMitigate", process).getDueDate()).isEqualTo(Date.from(overridden.resolveDueAt()));
    assertThat(task("Task_DiagnoseMitigate", process).getPriority()).isEqualTo(75);
    assertThat(timelineMessages(key)).anyMatch(m -> m.contains("from P4 to P2: month-end reports block finance"));

    claimAndComplete(task("Task_DiagnoseMitigate", process), "devon", Map.of("resolutionSummary", "fixed the query"));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn", Map.of("verified", true));
    closeIncident(process);
    assertThat(process).hasPassed("Task_RequestRetrospective");
  }

  @Test
  void failedVerificationReopensDiagnosis() {
    ProcessInstance process = triaged("medium", "medium", "ops");
    claimAndComplete(task("Task_DiagnoseMitigate", process), "olivia", Map.of("resolutionSummary", "restarted"));

    claimAndComplete(task("Task_VerifyResolution", process), "quinn",
        Map.of("verified", false, "verificationNote", "checkout still fails for EU users"));

    assertThat(process).isWaitingAt("Task_DiagnoseMitigate");
    assertThat(incident(process.getBusinessKey()).state()).isEqualTo(IncidentState.ACKNOWLEDGED);
    claimAndComplete(task("Task_DiagnoseMitigate", process), "olivia", Map.of("resolutionSummary", "fixed EU routing"));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn", Map.of("verified", true));
    closeIncident(process);
    assertThat(timelineKinds(process.getBusinessKey())).containsSubsequence("mitigated", "reopened", "mitigated",
        "verified", "closed");
    assertThat(incident(process.getBusinessKey()).resolutionSummary()).isEqualTo("fixed EU routing");
  }

  @Test
  void missedAcknowledgementNotifiesThenLetsManagersTakeTheTriage() {
    ProcessInstance process = report("medium", "high", "payments-api");
    String key = process.getBusinessKey();
    notifyOnCall(process);
    Incident open = incident(key);
    assertThat(open.ackSlaMinutes()).isEqualTo(15);
    assertThat(open.priority()).isEqualTo(Priority.P2);
    assertThat(task("Task_AcknowledgeTriage", process).getPriority()).isEqualTo(75);
    assertThat(taskService().getVariable(task("Task_AcknowledgeTriage", process).getId(), "slaState")).isNull();

    moveClockTo(open.ackDueAt().plusSeconds(1));
    execute(timer(process, "Timer_AckSlaBreached"));
    assertThat(task("Task_AcknowledgeTriage", process).getPriority()).as("a missed target: one step up, as a P1")
        .isEqualTo(100);
    assertThat(taskService().getVariable(task("Task_AcknowledgeTriage", process).getId(), "slaState"))
        .as("the card says why").isEqualTo("Acknowledgement overdue");

    assertThat(process).hasPassed("Task_NotifyAckSlaBreach").isWaitingAt("Task_AcknowledgeTriage");
    assertThat(incident(key).ackSlaBreached()).isTrue();
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().contains("SLA breached: " + key)
        && n.body().contains("The acknowledge SLA of incident " + key + " has passed") && n.groups().contains("manager"));
    assertThat(task("Task_AcknowledgeTriage", process)).hasCandidateGroup("ops");

    List<String> nextPeople = onCall.escalationFor("payments-api", "ops").levels().get(1).userIds();
    assertThat(nextPeople).as("the demo schedule rotates olivia and oscar").isNotEmpty();
    execute(timer(process, "Timer_AckNextLevel"));
    assertThat(process).hasPassed("Task_PageNextLevel", "End_NextLevelPaged");
    assertThat(notifications.about(key)).as("level 2 is paged when the acknowledge SLA passes")
        .anyMatch(n -> n.subject().contains("Incident " + key + " escalated") && n.body().contains("Level: 2")
            && nextPeople.stream().allMatch(person -> n.body().contains("(" + person + ")")));
    assertThat(task("Task_AcknowledgeTriage", process)).hasCandidateGroup("ops");

    moveClockTo(open.ackDueAt().plus(Duration.ofMinutes(15)).plusSeconds(1));
    execute(timer(process, "Timer_AckEscalation"));

    assertThat(process).hasPassed("Task_EscalateTriage").hasNotPassed("End_ManagersStopped");
    assertThat(task("Task_AcknowledgeTriage", process).getPriority()).as("escalated: never above a P1's").isEqualTo(100);
    assertThat(taskService().getVariable(task("Task_AcknowledgeTriage", process).getId(), "slaState"))
        .isEqualTo("Acknowledgement escalated");
    assertThat(notifications.about(key)).anyMatch(n -> n.body().contains("Level: 3") && n.groups().contains("manager"));
    Task triage = task("Task_AcknowledgeTriage", process);
    assertThat(candidateGroups(triage)).containsExactlyInAnyOrder("ops", "manager");
    var managerView = as("mia").get("/engine-rest/task?processInstanceId=" + process.getId() + "&maxResults=10").json();
    assertThat(managerView.findValuesAsText("name")).contains("Acknowledge & triage");

    claimAndComplete(triage, "mia", Map.of("category", "outage", "diagnosisGroup", "ops"));
    assertThat(incident(key).acknowledgedBy()).isEqualTo("mia");
    Task diagnosis = task("Task_DiagnoseMitigate", process);
    assertThat(diagnosis.getPriority()).as("acknowledged: the resolution starts at the P2's own").isEqualTo(75);
    assertThat(taskService().getVariable(diagnosis.getId(), "slaState")).isNull();
    assertThat(timelineKinds(key)).containsSubsequence("sla-breached", "escalated", "acknowledged");
    assertThat(jdbc.queryForObject("SELECT escalated FROM incident WHERE incident_key = ?", Boolean.class, key))
        .as("the flag the figures count").isTrue();
  }

  @Test
  void claimingTheTriageAcknowledgesAndStopsTheEscalationEvenWhenUnclaimed() {
    ProcessInstance process = report("medium", "high", "payments-api");
    String key = process.getBusinessKey();
    notifyOnCall(process);
    Incident open = incident(key);
    Task triage = task("Task_AcknowledgeTriage", process);
    String onCallNow = onCall.onCallInGroup("ops", Instant.now()).stream().map(now -> now.shift().userId()).findFirst()
        .orElseThrow();
    assertThat((String) taskService().getVariable(triage.getId(), "onCallPerson")).as("shown on the triage task")
        .contains("(" + onCallNow + ")");
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().contains("Incident " + key + " opened")
        && n.body().contains("(" + onCallNow + ")") && n.body().contains("/camunda/app/tasklist/default/#/?task="
        + triage.getId()));

    moveClockTo(open.openedAt().plus(Duration.ofMinutes(3)));
    taskService().claim(triage.getId(), "oscar");
    taskService().setAssignee(triage.getId(), null);
    assertThat(incident(key).acknowledgedBy()).isEqualTo("oscar");
    assertThat(incident(key).acknowledgedAt()).isEqualTo(open.openedAt().plus(Duration.ofMinutes(3)));

    moveClockTo(open.ackDueAt().plusSeconds(1));
    execute(timer(process, "Timer_AckNextLevel"));
    assertThat(process).hasPassed("End_NextLevelStopped").hasNotPassed("Task_PageNextLevel");
    moveClockTo(open.ackDueAt().plus(Duration.ofMinutes(15)).plusSeconds(1));
    execute(timer(process, "Timer_AckEscalation"));
    assertThat(process).hasPassed("End_ManagersStopped").hasNotPassed("Task_EscalateTriage");
    assertThat(candidateGroups(task("Task_AcknowledgeTriage", process))).containsExactly("ops");
    assertThat(notifications.about(key)).noneMatch(n -> n.subject().contains("escalated"));

    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia", Map.of("category", "outage", "diagnosisGroup", "ops"));
    assertThat(incident(key).acknowledgedBy()).as("the first claim was the acknowledgement").isEqualTo("oscar");
    assertThat(incident(key).ackSlaBreached()).isFalse();
  }

  @Test
  void aServicesEscalationPolicySetsWhenTheNextLevelsArePaged() {
    String service = "esc" + Fixtures.uniqueSuffix();
    assertThat(as("mia").post("/api/services", "{\"key\":\"" + service + "\",\"name\":\"Escalated\",\"tier\":1,"
        + "\"devGroup\":\"dev\"}").status()).isEqualTo(201);
    assertThat(as("mia").put("/api/oncall/escalation-policies/services/" + service, """
        {"levels":[{"afterMinutes":0,"notify":"on-call"},{"afterMinutes":2,"notify":"next-on-call"},
                   {"afterMinutes":7,"notify":"group:manager"}]}""").status()).isEqualTo(200);
    ProcessInstance process = report("medium", "high", service);
    notifyOnCall(process);
    Instant opened = incident(process.getBusinessKey()).openedAt();

    assertThat(timer(process, "Timer_AckNextLevel").getDuedate()).isEqualTo(Date.from(opened.plus(Duration.ofMinutes(2))));
    assertThat(timer(process, "Timer_AckEscalation").getDuedate()).isEqualTo(Date.from(opened.plus(Duration.ofMinutes(7))));
    moveClockTo(opened.plus(Duration.ofMinutes(7)).plusSeconds(1));
    execute(timer(process, "Timer_AckEscalation"));
    assertThat(notifications.about(process.getBusinessKey())).anyMatch(n -> n.body().contains("Level: 3")
        && n.groups().contains("manager") && n.body().contains("(mia)"));
  }

  @Test
  void missedResolutionNotifiesThenLetsManagersTakeDiagnosisAndVerification() {
    ProcessInstance process = triaged("high", "medium", "ops");
    Incident triaged = incident(process.getBusinessKey());

    assertThat(task("Task_DiagnoseMitigate", process).getDueDate()).isEqualTo(Date.from(triaged.resolveDueAt()));
    int own = triaged.priority().taskPriority();
    assertThat(task("Task_DiagnoseMitigate", process).getPriority()).as("a P2's").isEqualTo(own).isEqualTo(75);
    moveClockTo(triaged.resolveDueAt().plusSeconds(1));
    execute(timer(process, "Timer_ResolveSlaBreached"));
    assertThat(task("Task_DiagnoseMitigate", process).getPriority()).as("one step up: as a P1").isEqualTo(100);
    assertThat(taskService().getVariable(task("Task_DiagnoseMitigate", process).getId(), "slaState"))
        .isEqualTo("Resolution overdue");
    assertThat(process).hasPassed("Task_NotifyResolveSlaBreach");
    assertThat(incident(process.getBusinessKey()).resolveSlaBreached()).isTrue();
    assertThat(notifications.about(process.getBusinessKey()))
        .anyMatch(n -> n.subject().contains("SLA breached: " + process.getBusinessKey())
            && n.body().contains("The resolve SLA") && n.groups().containsAll(List.of("ops", "manager")));
    assertThat(candidateGroups(task("Task_DiagnoseMitigate", process))).containsExactly("ops");

    moveClockTo(triaged.resolveDueAt().plus(Duration.ofMinutes(240)).plusSeconds(1));
    execute(timer(process, "Timer_ResolveEscalation"));
    assertThat(process).hasPassed("Task_EscalateResolution");
    assertThat(candidateGroups(task("Task_DiagnoseMitigate", process))).containsExactlyInAnyOrder("ops", "manager");
    assertThat(task("Task_DiagnoseMitigate", process).getPriority()).as("never above a P1's").isEqualTo(100);

    claimAndComplete(task("Task_DiagnoseMitigate", process), "olivia", Map.of("resolutionSummary", "scaled out"));
    assertThat(task("Task_VerifyResolution", process).getPriority()).as("work created later is as urgent")
        .isEqualTo(100);
    assertThat(taskService().getVariable(task("Task_VerifyResolution", process).getId(), "slaState"))
        .isEqualTo("Resolution escalated");
    assertThat(candidateGroups(task("Task_VerifyResolution", process))).containsExactlyInAnyOrder("qa", "manager");
    assertThat(task("Task_VerifyResolution", process).getDueDate()).as("created after the deadline, still due then")
        .isEqualTo(Date.from(triaged.resolveDueAt()));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn",
        Map.of("verified", false, "verificationNote", "still slow"));
    assertThat(candidateGroups(task("Task_DiagnoseMitigate", process))).as("reopened diagnosis stays escalated")
        .containsExactlyInAnyOrder("ops", "manager");
    claimAndComplete(task("Task_DiagnoseMitigate", process), "mia", Map.of("resolutionSummary", "added capacity"));
    claimAndComplete(task("Task_VerifyResolution", process), "quinn", Map.of("verified", true));
    closeIncident(process);
    assertThat(incident(process.getBusinessKey()).resolveSlaBreached()).isTrue();
  }

  @Test
  void whenEveryAlertResolvesOnCallConfirmsClosureAndTheIncidentCloses() {
    ProcessInstance process = resolvedBeforeTriage("fp-confirm-1", "payments-api", "critical");
    String key = process.getBusinessKey();
    assertThat(task("Task_ConfirmClosure", process)).hasCandidateGroup("ops");
    assertThat(incident(key).state()).as("it does not close itself").isEqualTo(IncidentState.OPEN);

    claimAndComplete(task("Task_ConfirmClosure", process), "olivia",
        Map.of("closureConfirmed", true, "closureNote", "error rate back to normal"));

    assertThat(process).hasPassed("Boundary_ClosureConfirmed").isWaitingAt("Task_CloseIncident");
    assertThat(taskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
    closeIncident(process);
    Incident closed = incident(key);
    assertThat(closed.state()).isEqualTo(IncidentState.CLOSED);
    assertThat(closed.acknowledgedBy()).isEqualTo("olivia");
    assertThat(closed.resolutionSummary()).contains("error rate back to normal");
    assertThat(process).hasPassed("Task_RequestRetrospective");
    assertThat(timelineKinds(key)).containsSubsequence("alert-resolved", "alerts-resolved", "closure-confirmed", "closed");

    assertThat(fire("fp-confirm-1", "payments-api", "critical")).as("after closing, the alert opens a new incident")
        .isNotEqualTo(key);
  }

  @Test
  void anOpenTaskFollowsWhenTriageRaisesThePriority() {
    ProcessInstance process = resolvedBeforeTriage("fp-raise-1", "reporting", "warning");
    String key = process.getBusinessKey();
    Task closure = task("Task_ConfirmClosure", process);
    assertThat(closure.getPriority()).isEqualTo(incident(key).priority().taskPriority()).isLessThan(100);
    assertThat(closure.getDueDate()).isEqualTo(Date.from(incident(key).resolveDueAt()));

    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia", Map.of("category", "outage",
        "diagnosisGroup", "ops", "priorityOverride", "P1", "overrideReason", "the CFO needs the reports today"));

    Task raised = taskService().createTaskQuery().taskId(closure.getId()).singleResult();
    assertThat(raised.getPriority()).as("the confirmation waiting beside the triage is now a P1's").isEqualTo(100);
    assertThat(raised.getDueDate()).as("and due when the P1 must be resolved")
        .isEqualTo(Date.from(incident(key).resolveDueAt())).isBefore(closure.getDueDate());
    assertThat(task("Task_DiagnoseMitigate", process).getPriority()).isEqualTo(100);
    assertThat(runtimeService().getVariable(process.getId(), "priority")).isEqualTo("P1");
  }

  @Test
  void onCallMayDeclineClosureAndTheIncidentGoesOn() {
    String key = fire("fp-decline-1", "reporting", "warning");
    ProcessInstance process = processOf(key);
    notifyOnCall(process);
    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia", Map.of("category", "outage", "diagnosisGroup", "ops"));

    resolve("fp-decline-1");
    claimAndComplete(task("Task_ConfirmClosure", process), "olivia",
        Map.of("closureConfirmed", false, "closureNote", "users still report slow reports"));

    assertThat(process).hasPassed("End_IncidentGoesOn").isWaitingAt("Task_DiagnoseMitigate");
    assertThat(incident(key).state()).isEqualTo(IncidentState.ACKNOWLEDGED);
    assertThat(timelineKinds(key)).contains("closure-declined");
  }

  @Test
  void unknownServiceStillOpensAnIncidentRoutedToOps() {
    String key = fire("fp-unknown-1", "billing-legacy", "critical");
    ProcessInstance process = processOf(key);

    Incident incident = incident(key);
    assertThat(incident.unknownService()).isTrue();
    assertThat(incident.serviceKey()).isNull();
    assertThat(incident.reportedService()).isEqualTo("billing-legacy");
    assertThat(incident.onCallGroup()).isEqualTo("ops");
    assertThat(incident.impact()).as("unknown tier counts as medium impact").isEqualTo(Level.MEDIUM);
    assertThat(incident.priority()).isEqualTo(Priority.P2);
    notifyOnCall(process);
    assertThat(task("Task_AcknowledgeTriage", process)).hasCandidateGroup("ops");
    assertThat(runtimeService().getVariable(process.getId(), "service")).isEqualTo("billing-legacy (unknown service)");
  }

  @Test
  void personReportsAnIncidentInTasklist() {
    Map<String, Object> form = new HashMap<>(Map.of("service", "web-portal", "title", "Login page blank",
        "description", "since 10:00", "impact", "high", "urgency", "high"));
    String definitionId = definitionId();
    processEngine.getIdentityService().setAuthentication("quinn", List.of("qa"));
    ProcessInstance process;
    try {
      process = processEngine.getFormService().submitStartForm(definitionId, form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    assertThat(process.getBusinessKey()).matches("INC-\\d{4}-\\d{4,}");
    Incident incident = incident(process.getBusinessKey());
    assertThat(incident.source()).isEqualTo(IncidentSource.TASKLIST);
    assertThat(incident.reportedBy()).isEqualTo("quinn");
    assertThat(incident.serviceKey()).isEqualTo("web-portal");
    assertThat(incident.priority()).isEqualTo(Priority.P1);
    assertThat(process).isWaitingAt("Task_NotifyOnCall");
    assertThat(runtimeService().getVariable(process.getId(), "incidentKey")).isEqualTo(process.getBusinessKey());
  }

  @Test
  void invalidTasklistReportIsRefusedAndRecordsNothing() {
    long before = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM incident");

    assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definitionId(),
        Map.<String, Object>of("title", " ", "impact", "huge", "urgency", "high")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("title must not be blank").hasMessageContaining("impact must be high, medium or low");
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM incident")).isEqualTo(before);
  }

  @Test
  void triageAndClosureFormsAreCheckedAgainOnTheServer() {
    ProcessInstance process = report("medium", "medium", "web-portal");
    notifyOnCall(process);
    Task triage = task("Task_AcknowledgeTriage", process);

    assertThatThrownBy(() -> complete(triage, withVariables("diagnosisGroup", "qa")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("diagnosisGroup must be ops, dev or security");
    assertThatThrownBy(() -> complete(triage, withVariables("diagnosisGroup", "ops", "priorityOverride", "P1")))
        .hasMessageContaining("overrideReason is required");
    assertThatThrownBy(() -> complete(triage, withVariables("diagnosisGroup", "ops", "priorityOverride", "P9",
        "overrideReason", "x"))).hasMessageContaining("priorityOverride must be P1, P2, P3 or P4");
    assertThatThrownBy(() -> complete(triage, withVariables("diagnosisGroup", "ops", "major", "yes")))
        .hasMessageContaining("major must be true or false");
    assertThat(process).isWaitingAt("Task_AcknowledgeTriage");
    assertThat(incident(process.getBusinessKey()).acknowledgedAt()).isNull();

    complete(triage, withVariables("diagnosisGroup", "ops", "category", "other"));
    assertThatThrownBy(() -> complete(task("Task_DiagnoseMitigate", process), withVariables("resolutionSummary", "")))
        .hasMessageContaining("resolutionSummary must say what was done");
    complete(task("Task_DiagnoseMitigate", process), withVariables("resolutionSummary", "done"));
    assertThatThrownBy(() -> complete(task("Task_VerifyResolution", process), withVariables("verified", false)))
        .hasMessageContaining("verificationNote must say what still fails");
  }

  @Test
  void devonCannotSeeOrCompleteTheOpsTriageTask() {
    ProcessInstance process = report("medium", "medium", "payments-api");
    notifyOnCall(process);
    String triageId = task("Task_AcknowledgeTriage", process).getId();

    var listed = as("devon").get("/engine-rest/task?processInstanceId=" + process.getId() + "&maxResults=10").json();
    var completed = as("devon").post("/engine-rest/task/" + triageId + "/complete",
        "{\"variables\":{\"diagnosisGroup\":{\"value\":\"dev\"}}}");
    var inTasklist = api().signIn("devon", "demo")
        .post("/camunda/api/engine/engine/default/task/" + triageId + "/complete", "{}");

    assertThat(listed.size()).isZero();
    assertThat(completed.status()).isEqualTo(403);
    assertThat(inTasklist.status()).isEqualTo(403);
    assertThat(process).isWaitingAt("Task_AcknowledgeTriage");
    assertThat(as("olivia").get("/engine-rest/task?processInstanceId=" + process.getId() + "&maxResults=10").json()
        .findValuesAsText("name")).containsExactly("Acknowledge & triage");
  }

  @Test
  void aSecurityIncidentIsRestrictedFromItsReportAndWorkedByOpsAndSecurityAlone() {
    ProcessInstance process = reportSecurity("payments-api");
    String key = process.getBusinessKey();
    assertThat(incident(key).restricted()).isTrue();
    assertThat(openReaderGrants(process)).as("no grant for dev or qa").isZero();
    notifyOnCall(process);
    assertThat(notifications.about(key)).anyMatch(n -> n.groups().equals(List.of("ops", "security")));
    assertThat(notifications.about(key)).as("the title stays in OpsFlow")
        .noneMatch(n -> (n.subject() + n.body()).contains("Stolen API key"));
    Task triage = task("Task_AcknowledgeTriage", process);
    assertThat(candidateGroups(triage)).containsExactlyInAnyOrder("ops", "security");

    assertThatThrownBy(() -> complete(triage, withVariables("category", "security", "diagnosisGroup", "dev")))
        .hasMessageContaining("its diagnosis goes to ops or security, not dev");
    claimAndComplete(triage, "sasha", Map.of("category", "security", "diagnosisGroup", "security"));

    assertThat(candidateGroups(task("Task_DiagnoseMitigate", process))).containsExactly("security");
    claimAndComplete(task("Task_DiagnoseMitigate", process), "sasha", Map.of("resolutionSummary", "revoked the key"));
    assertThat(candidateGroups(task("Task_VerifyResolution", process))).as("security verifies, not qa")
        .containsExactly("security");
    claimAndComplete(task("Task_VerifyResolution", process), "sasha", Map.of("verified", true));
    closeIncident(process);
    assertThat(incident(key).category()).isEqualTo(IncidentCategory.SECURITY);
  }

  @Test
  void triageThatSaysSecurityRestrictsTheIncidentFromThenOnAndAnotherCategoryOpensItAgain() {
    ProcessInstance open = report("medium", "medium", "web-portal");
    assertThat(openReaderGrants(open)).as("dev and qa read an open incident").isEqualTo(2);
    notifyOnCall(open);
    claimAndComplete(task("Task_AcknowledgeTriage", open), "olivia", Map.of("category", "security", "diagnosisGroup", "ops"));

    assertThat(incident(open.getBusinessKey()).restricted()).isTrue();
    assertThat(openReaderGrants(open)).isZero();
    assertThat(runtimeService().getVariable(open.getId(), "restricted")).isEqualTo(true);
    assertThat(timelineMessages(open.getBusinessKey())).anyMatch(m -> m.contains("restricted to ops, managers and security"));
    claimAndComplete(task("Task_DiagnoseMitigate", open), "olivia", Map.of("resolutionSummary", "closed the port"));
    assertThat(candidateGroups(task("Task_VerifyResolution", open))).containsExactly("security");

    ProcessInstance restricted = reportSecurity("web-portal");
    notifyOnCall(restricted);
    claimAndComplete(task("Task_AcknowledgeTriage", restricted), "olivia",
        Map.of("category", "outage", "diagnosisGroup", "dev"));

    assertThat(incident(restricted.getBusinessKey()).restricted()).isFalse();
    assertThat(openReaderGrants(restricted)).isEqualTo(2);
    assertThat(candidateGroups(task("Task_DiagnoseMitigate", restricted))).containsExactly("dev");
    claimAndComplete(task("Task_DiagnoseMitigate", restricted), "devon", Map.of("resolutionSummary", "false alarm"));
    assertThat(candidateGroups(task("Task_VerifyResolution", restricted))).containsExactly("qa");
  }

  // --- helpers

  private ProcessInstance reportSecurity(String service) {
    String key = transaction.execute(status -> incidents.open(new IncidentReport(service, "Stolen API key used on " + service,
        "seen in the access logs", "medium", "medium", IncidentSource.API, "olivia", "security")).incidentKey());
    return processOf(key);
  }

  /** Grants that let dev and qa read this one instance. */
  private long openReaderGrants(ProcessInstance process) {
    return processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("dev", "qa")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).resourceId(process.getId()).count();
  }

  private ProcessInstance report(String impact, String urgency, String service) {
    String key = transaction.execute(status -> incidents.open(new IncidentReport(service, "Checkout errors on " + service,
        "seen by users", impact, urgency, IncidentSource.API, "olivia")).incidentKey());
    return processOf(key);
  }

  private ProcessInstance triaged(String impact, String urgency, String diagnosisGroup) {
    ProcessInstance process = report(impact, urgency, "payments-api");
    notifyOnCall(process);
    claimAndComplete(task("Task_AcknowledgeTriage", process), "olivia", Map.of("category", "outage", "diagnosisGroup", diagnosisGroup));
    return process;
  }

  private String fire(String fingerprint, String service, String severity) {
    IntakeResult result = intake.receive(List.of(observation(fingerprint, true, service, severity)), "alertmanager");
    return result.opened().isEmpty() ? result.updated().iterator().next() : result.opened().iterator().next();
  }

  /** An alert's incident whose every alert resolved before triage: closure waits beside the triage. */
  private ProcessInstance resolvedBeforeTriage(String fingerprint, String service, String severity) {
    ProcessInstance process = processOf(fire(fingerprint, service, severity));
    notifyOnCall(process);
    resolve(fingerprint);
    assertThat(process).isWaitingAt("Task_AcknowledgeTriage", "Task_ConfirmClosure");
    return process;
  }

  private void resolve(String fingerprint) {
    intake.receive(List.of(observation(fingerprint, false, null, null)), "alertmanager");
  }

  private Observation observation(String fingerprint, boolean firing, String service, String severity) {
    IncidentReport report = new IncidentReport(service, "HighErrorRate on " + service, "from a test", "medium",
        "critical".equals(severity) ? "high" : "medium", IncidentSource.ALERTMANAGER, "alertmanager");
    return new Observation(fingerprint, firing, "HighErrorRate", severity, "5xx rate high", "{}", null,
        Instant.now(), firing ? null : Instant.now(), report, List.of());
  }

  private ProcessInstance plan(ProcessInstance incident) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId()).singleResult();
  }

  private String planKey(ProcessInstance plan) {
    return processEngine.getRepositoryService().getProcessDefinition(plan.getProcessDefinitionId()).getKey();
  }

  private String definitionId() {
    return processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("incident-response")
        .latestVersion().singleResult().getId();
  }

  private ProcessInstance processOf(String key) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
  }

  private void notifyOnCall(ProcessInstance process) {
    assertThat(process).isWaitingAt("Task_NotifyOnCall");
    execute(job("Task_NotifyOnCall", process));
    assertThat(process).isWaitingAt("Task_AcknowledgeTriage");
  }

  private void closeIncident(ProcessInstance process) {
    assertThat(process).isWaitingAt("Task_CloseIncident");
    execute(job("Task_CloseIncident", process));
  }

  private void claimAndComplete(Task task, String user, Map<String, Object> variables) {
    taskService().claim(task.getId(), user);
    complete(task, variables);
  }

  private Job timer(ProcessInstance process, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(process.getId())
        .activityId(activityId).timers().singleResult();
  }

  private static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private Incident incident(String key) {
    return incidents.find(key).orElseThrow();
  }

  private List<String> timelineKinds(String key) {
    return incidents.details(key).orElseThrow().timeline().stream().map(TimelineEntry::kind).toList();
  }

  private List<String> timelineMessages(String key) {
    return incidents.details(key).orElseThrow().timeline().stream().map(TimelineEntry::message).toList();
  }

  private org.camunda.bpm.engine.TaskService taskService() {
    return processEngine.getTaskService();
  }

  private org.camunda.bpm.engine.RuntimeService runtimeService() {
    return processEngine.getRuntimeService();
  }
}
