package io.opsflow.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsflow.kernel.webhook.SignedWebhook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.incident.Incidents;
import io.opsflow.support.Api.Response;
import io.opsflow.support.FullProcessCoverage;
import io.opsflow.support.HookReceiver;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;

/**
 * Every route and branch of change-release: auto, peer, cab and expedited approval, four eyes,
 * rejection, freeze windows, conflicts, a planned start and a stalled deployment (moving the
 * engine's clock), the deploy hook, an alert during the verification window, QA's verdict,
 * roll-back and the incident a failed deployment opens.
 */
@FullProcessCoverage("change-release")
@RecordApplicationEvents
class ChangeProcessIT extends IntegrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ApplicationEvents published;

  private static final String TIER1 = "chg-tier1";
  private static final String TIER2 = "chg-tier2";
  private static final String TIER3 = "chg-tier3";

  @Autowired
  ServiceCatalog catalog;

  @Autowired
  Incidents incidents;

  @Autowired
  Changes changes;

  @Autowired
  RecordingChannel notifications;

  @BeforeEach
  void services() {
    ensure(new ServiceDraft(TIER1, "Change test tier 1", 1, "dev", "ops", List.of()));
    ensure(new ServiceDraft(TIER2, "Change test tier 2", 2, "dev", "ops", List.of(TIER1)));
    ensure(new ServiceDraft(TIER3, "Change test tier 3", 3, "dev", "ops", List.of()));
    ensure(new ServiceDraft(HOOKED_SERVICE, "Change test with deploy hook", 1, "dev", "ops", List.of()));
  }

  @Test
  void standardChangeOnATier3ServiceIsPreApprovedAndClosesAfterItsWindow() {
    ProcessInstance process = request(TIER3, "standard", false, false, null, "olivia");
    String key = process.getBusinessKey();

    assertThat(process).hasPassed("Task_AssessRisk", "Task_OpenGate").hasNotPassed("Task_ApproveChange");
    assertThat(gate(key).path("status").asText()).isEqualTo("approved");
    Change change = changes.get(key);
    assertThat(change.approvalRoute()).isEqualTo(ApprovalRoute.AUTO);
    assertThat(change.risk()).isEqualTo(ChangeRisk.LOW);
    assertThat(process).hasPassed("End_NoHook").isWaitingAt("EventGateway_Deployment");

    report(key, "succeeded").status();
    assertThat(process).isWaitingAt("EventGateway_Verification");
    passVerificationWindow(process, change.verificationMinutes());

    assertThat(process).hasPassed("Task_CloseChange").hasNotPassed("Task_ConfirmInProduction", "Task_RequestRetrospective")
        .isEnded();
    Change closed = changes.get(key);
    assertThat(closed.state()).isEqualTo(ChangeState.CLOSED);
    assertThat(closed.outcome()).isEqualTo(ChangeOutcome.SUCCEEDED);
    assertThat(closed.retrospectiveDue()).isFalse();
    assertThat(published.stream(ChangeClosed.class)).singleElement().satisfies(event -> {
      assertThat(event.changeKey()).isEqualTo(key);
      assertThat(event.serviceKey()).isEqualTo(TIER3);
      assertThat(event.approvalRoute()).isEqualTo(ApprovalRoute.AUTO);
      assertThat(event.outcome()).isEqualTo(ChangeOutcome.SUCCEEDED);
      assertThat(event.closedAt()).isEqualTo(closed.closedAt());
    });
  }

  @Test
  void normalChangeNeedsOpsDevAndQaAndTheRequesterCanApproveNothing() {
    ProcessInstance process = request(TIER2, "normal", false, false, null, "olivia");
    String key = process.getBusinessKey();
    assertThat(changes.get(key).approvalRoute()).isEqualTo(ApprovalRoute.PEER);
    assertThat(approvalGroups(process)).containsExactlyInAnyOrder("ops", "dev", "qa");
    Task opsApproval = approvalTask(process, "ops");
    assertThat(changes.get(key).risk()).isEqualTo(ChangeRisk.MEDIUM);
    assertThat(opsApproval.getPriority()).as("a medium-risk change's tasks: Camunda's normal priority").isEqualTo(50);
    assertThat(notifications.about(key)).as("each approver group is asked, with a link to its task")
        .filteredOn(n -> n.subject().startsWith("Change " + key + " needs approval")).hasSize(3)
        .anyMatch(n -> n.groups().equals(List.of("ops")) && n.body().contains("?task=" + opsApproval.getId()));

    assertThatThrownBy(() -> taskService().claim(opsApproval.getId(), "olivia"))
        .hasMessageContaining("olivia requested this change and cannot approve it");
    assertThatThrownBy(() -> {
      processEngine.getIdentityService().setAuthentication("olivia", List.of("ops"));
      try {
        complete(opsApproval, withVariables("approved", true));
      } finally {
        processEngine.getIdentityService().clearAuthentication();
      }
    }).hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("cannot approve it");
    assertThat(gate(key).path("status").asText()).isEqualTo("pending");
    assertThat(report(key, "succeeded").status()).as("a pending gate refuses deployment reports").isEqualTo(409);

    approve(process, "ops", "oscar", true, null);
    approve(process, "dev", "devon", true, "looks fine");
    assertThat(gate(key).path("status").asText()).isEqualTo("pending");
    approve(process, "qa", "quinn", "true", null);

    assertThat(gate(key).path("status").asText()).isEqualTo("approved");
    assertThat(changes.details(key).orElseThrow().approvals()).extracting(ChangeApproval::approvalGroup)
        .containsExactlyInAnyOrder("ops", "dev", "qa");
    report(key, "succeeded");
    String incident = alert(TIER2);

    assertThat(process).isWaitingAt("Task_DecideRollback");
    assertThat(runtimeService().getVariable(process.getId(), "alertIncident")).isEqualTo(incident);
    claimAndComplete(task("Task_DecideRollback", process), "olivia",
        Map.of("rollBack", false, "decisionNote", "the alert is a known flaky probe"));
    assertThat(process).isWaitingAt("Task_ConfirmInProduction");
    claimAndComplete(task("Task_ConfirmInProduction", process), "quinn", Map.of("confirmedInProduction", true));

    assertThat(process).hasPassed("End_Closed").isEnded();
    assertThat(changes.get(key).outcome()).isEqualTo(ChangeOutcome.SUCCEEDED);
    assertThat(timeline(key)).containsSubsequence("requested", "risk", "approved", "gate-approved", "deployment-succeeded",
        "verification", "alert", "kept", "confirmed", "closed");
  }

  @Test
  void rejectionByOneGroupEndsTheApprovalsAndRejectsTheGate() {
    ProcessInstance process = request(TIER2, "normal", false, true, null, "olivia");
    String key = process.getBusinessKey();
    approve(process, "ops", "oscar", true, null);

    assertThatThrownBy(() -> complete(approvalTask(process, "dev"), withVariables("approved", false)))
        .hasMessageContaining("comment must say why the change is rejected");
    approve(process, "dev", "devon", false, "migration locks the orders table for 10 minutes");

    assertThat(process).hasPassed("Task_RejectChange", "End_Rejected").isEnded();
    JsonNode gate = gate(key);
    assertThat(gate.path("status").asText()).isEqualTo("rejected");
    assertThat(gate.path("reason").asText()).contains("devon").contains("migration locks the orders table");
    assertThat(changes.get(key).state()).isEqualTo(ChangeState.REJECTED);
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().startsWith("Change " + key + " stopped at a gate")
        && n.body().contains("migration locks the orders table"));
  }

  @Test
  void cabChangeWaitsForItsPlannedStartTriggersTheDeployHookAndAFailureOpensALinkedIncident() {
    Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    ProcessInstance process = request(HOOKED_SERVICE, "normal", false, true, start, "devon");
    String key = process.getBusinessKey();
    Change change = changes.get(key);
    assertThat(change.approvalRoute()).isEqualTo(ApprovalRoute.CAB);
    assertThat(approvalGroups(process)).containsExactlyInAnyOrder("ops", "dev", "qa", "manager");
    assertThat(change.risk()).isEqualTo(ChangeRisk.HIGH);
    assertThat(approvalTask(process, "manager").getPriority()).as("high risk: as a P2 incident").isEqualTo(75);
    assertThat(approvalTask(process, "ops").getDueDate()).as("approvals are due when the planned window opens")
        .isEqualTo(Date.from(start));

    approve(process, "ops", "olivia", true, null);
    approve(process, "dev", "devon2", true, null);
    approve(process, "qa", "quinn", true, null);
    approve(process, "manager", "mia", true, "CAB approved in the weekly meeting");

    assertThat(process).hasPassed("Task_ScheduleChange").isWaitingAt("Timer_PlannedStart");
    assertThat(gate(key).path("status").asText()).as("approved but not yet open").isEqualTo("pending");
    assertThat(changes.get(key).state()).isEqualTo(ChangeState.SCHEDULED);
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(1)));
    execute(job("Timer_PlannedStart", process));

    assertThat(gate(key).path("status").asText()).isEqualTo("approved");
    assertThat(process).isWaitingAt("Task_TriggerDeployment");
    int before = HookReceiver.shared().callsTo(HOOK_PATH).size();
    execute(job("Task_TriggerDeployment", process));
    HookReceiver.Call call = HookReceiver.shared().callsTo(HOOK_PATH).get(before);
    assertThat(call.header("X-OpsFlow-Delivery")).isEqualTo(key);
    assertThat(call.header("X-OpsFlow-Signature")).isEqualTo("sha256=" + SignedWebhook.sign(HOOK_SECRET, call.body()));
    assertThat(call.header("Authorization")).isEqualTo("Bearer jenkins-token");
    assertThat(call.body()).contains("\"changeKey\":\"" + key + "\"");
    assertThat(process).hasPassed("End_Triggered");

    report(key, "failed");

    Change failed = changes.get(key);
    assertThat(failed.incidentKey()).startsWith("INC-");
    var incident = as("mia").get("/api/incidents/" + failed.incidentKey()).json();
    assertThat(incident.path("serviceKey").asText()).isEqualTo(HOOKED_SERVICE);
    assertThat(incident.path("priority").asText()).as("tier 1, like a critical alert").isEqualTo("P1");
    assertThat(incident.path("timeline").findValuesAsText("message")).anyMatch(m -> m.contains("Linked to change " + key));
    assertThat(jdbc.queryForList("SELECT incident_key FROM deployment_incident WHERE change_key = ?", String.class, key))
        .as("the figures' link, written as the incident opened in the deployment's window").containsExactly(
            failed.incidentKey());
    assertThat(notifications.about(key)).anyMatch(n -> n.subject().startsWith("Deployment of change " + key + " failed")
        && n.body().contains("incident " + failed.incidentKey()));
    assertThat(process).isWaitingAt("Task_RollBack");
    assertThat(task("Task_RollBack", process).getDueDate()).as("due when the incident must be resolved")
        .isNotNull().isEqualTo(Date.from(Instant.parse(incident.path("resolveDueAt").asText())));
    claimAndComplete(task("Task_RollBack", process), "olivia", Map.of("rollbackNote", "redeployed 1.0.0"));

    assertThat(process).hasPassed("Task_RequestRetrospective", "End_ClosedWithRetrospective").isEnded();
    Change closed = changes.get(key);
    assertThat(closed.outcome()).isEqualTo(ChangeOutcome.FAILED);
    assertThat(closed.retrospectiveDue()).isTrue();
    var retrospective = runtimeService().createProcessInstanceQuery().processDefinitionKey("post-launch-retrospective")
        .variableValueEquals("subjectKey", key).singleResult();
    assertThat(retrospective).as("waits for the service's observation window").isWaitingAt("Timer_ObservationOver");
  }

  @Test
  void emergencyChangeNeedsOneManagerAndAStalledDeploymentGoesToOps() {
    ProcessInstance process = request(TIER1, "emergency", true, true, null, "olivia");
    String key = process.getBusinessKey();
    assertThat(changes.get(key).approvalRoute()).isEqualTo(ApprovalRoute.EXPEDITED);
    assertThat(approvalGroups(process)).containsExactly("manager");
    assertThat(approvalTask(process, "manager").getDueDate()).as("no planned start: no window to be due by").isNull();
    assertThat(approvalTask(process, "manager").getPriority()).as("an emergency change: as urgent as a P1").isEqualTo(100);
    approve(process, "manager", "mia", true, "hotfix for the outage");
    assertThat(process).isWaitingAt("EventGateway_Deployment");

    Date deadline = (Date) runtimeService().getVariable(process.getId(), "deployDeadline");
    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1000));
    execute(job("Timer_DeploymentOverdue", process));
    assertThat(task("Task_InvestigateDeployment", process).getPriority()).isEqualTo(100);
    assertThat(task("Task_InvestigateDeployment", process).getDueDate()).as("the report was due then: overdue at once")
        .isEqualTo(deadline);
    claimAndComplete(task("Task_InvestigateDeployment", process), "oscar",
        Map.of("investigation", "wait", "investigationNote", "the runner queue is long"));

    assertThat(process).hasPassed("Task_ExtendDeadline").isWaitingAt("EventGateway_Deployment");
    Date extended = (Date) runtimeService().getVariable(process.getId(), "deployDeadline");
    assertThat(extended).isAfter(deadline);
    ClockUtil.setCurrentTime(new Date(extended.getTime() + 1000));
    execute(job("Timer_DeploymentOverdue", process));
    assertThat(process).isWaitingAt("Task_InvestigateDeployment");

    report(key, "succeeded");

    assertThat(process).hasPassed("Boundary_ReportedDuringInvestigation").isWaitingAt("EventGateway_Verification");
    String alerted = alert(TIER1);
    assertThat(task("Task_DecideRollback", process).getDueDate()).as("decided within the verification window")
        .isEqualTo(runtimeService().getVariable(process.getId(), "verificationEndsAt"));
    claimAndComplete(task("Task_DecideRollback", process), "olivia",
        Map.of("rollBack", true, "decisionNote", "error rate doubled after the deployment"));
    assertThat(task("Task_RollBack", process).getDueDate()).as("due when the alert's incident must be resolved")
        .isNotNull().isEqualTo(Date.from(incidents.find(alerted).orElseThrow().resolveDueAt()));
    claimAndComplete(task("Task_RollBack", process), "oscar", Map.of("rollbackNote", "previous image restored"));

    assertThat(process).hasPassed("End_ClosedWithRetrospective").isEnded();
    assertThat(changes.get(key).outcome()).isEqualTo(ChangeOutcome.ROLLED_BACK);
    assertThat(timeline(key)).contains("investigated", "deadline-extended", "rollback-decided", "rolled-back");
  }

  @Test
  void opsMayCancelAStalledChange() {
    ProcessInstance process = request(TIER3, "standard", false, false, null, "devon");
    String key = process.getBusinessKey();
    Date deadline = (Date) runtimeService().getVariable(process.getId(), "deployDeadline");
    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1000));
    execute(job("Timer_DeploymentOverdue", process));

    claimAndComplete(task("Task_InvestigateDeployment", process), "olivia",
        Map.of("investigation", "cancel", "investigationNote", "pipeline was aborted"));

    assertThat(process).hasPassed("Task_CancelChange", "End_Cancelled").isEnded();
    assertThat(gate(key).path("status").asText()).isEqualTo("cancelled");
    assertThat(report(key, "succeeded").status()).isEqualTo(409);
  }

  @Test
  void qaWhoFindsTheChangeBrokenInProductionSendsItToRollBack() {
    ProcessInstance process = request(TIER3, "normal", false, false, null, "devon");
    approve(process, "ops", "olivia", true, null);
    approve(process, "dev", "devon2", true, null);
    approve(process, "qa", "quinn", true, null);
    report(process.getBusinessKey(), "succeeded");
    passVerificationWindow(process, changes.get(process.getBusinessKey()).verificationMinutes());

    claimAndComplete(task("Task_ConfirmInProduction", process), "quinn",
        Map.of("confirmedInProduction", false, "confirmationNote", "exports are empty"));
    assertThat(task("Task_RollBack", process).getDueDate()).as("no incident, no time limit").isNull();
    claimAndComplete(task("Task_RollBack", process), "olivia", Map.of("rollbackNote", "rolled back"));

    assertThat(process).hasPassed("Gateway_Confirmed", "Task_RollBack", "End_ClosedWithRetrospective").isEnded();
    assertThat(changes.get(process.getBusinessKey()).outcome()).isEqualTo(ChangeOutcome.ROLLED_BACK);
    assertThat(published.stream(ChangeClosed.class).map(ChangeClosed::outcome)).containsExactly(ChangeOutcome.ROLLED_BACK);
  }

  @Test
  void nonEmergencyChangeInsideAFreezeWindowIsRejectedWithTheWindowButAnEmergencyPasses() {
    Instant now = Instant.now();
    Response window = as("mia").post("/api/freeze-windows", """
        {"start":"%s","end":"%s","services":["%s"],"reason":"year-end freeze"}"""
        .formatted(now.minusSeconds(60), now.plus(Duration.ofHours(1)), TIER3));
    assertThat(window.status()).as(window.toString()).isEqualTo(201);
    try {
      ProcessInstance frozen = request(TIER3, "standard", false, false, null, "olivia");
      ProcessInstance emergency = request(TIER3, "emergency", false, false, null, "olivia");

      assertThat(frozen).hasPassed("Task_RejectChange", "End_Rejected").isEnded();
      JsonNode gate = gate(frozen.getBusinessKey());
      assertThat(gate.path("status").asText()).isEqualTo("rejected");
      assertThat(gate.path("reason").asText()).contains("freeze window").contains("year-end freeze").contains(TIER3);
      assertThat(emergency).isWaitingAt("Task_ApproveChange");
    } finally {
      as("mia").delete("/api/freeze-windows/" + window.json().path("id").asText());
    }
  }

  @Test
  void overlappingChangesOnTheServiceOrWhatItDependsOnAreShownToApprovers() {
    ProcessInstance base = request(TIER1, "normal", false, false, null, "olivia");
    ProcessInstance dependent = request(TIER2, "normal", false, false, null, "olivia");

    String conflicts = (String) runtimeService().getVariable(dependent.getId(), "conflicts");
    assertThat(conflicts).contains(base.getBusinessKey()).contains(TIER1);
    assertThat(changes.get(dependent.getBusinessKey()).conflicts()).contains(base.getBusinessKey());
    assertThat(timeline(dependent.getBusinessKey())).contains("conflicts");
    assertThat(String.valueOf(runtimeService().getVariable(dependent.getId(), "summary")))
        .contains(dependent.getBusinessKey()).contains("normal change of " + TIER2);
  }

  @Test
  void personRequestsAChangeInTasklist() {
    // a form that names someone else as requester still requests for the person signed in (four eyes)
    Map<String, Object> form = new HashMap<>(Map.of("service", TIER3, "version", "3.1.0", "title", "New export format",
        "changeType", "normal", "testsFailed", false, "hasDbMigration", false, "plannedStart", "", "requester", "olivia"));
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("change-release").latestVersion().singleResult().getId();
    processEngine.getIdentityService().setAuthentication("devon", List.of("dev"));
    ProcessInstance process;
    try {
      process = processEngine.getFormService().submitStartForm(definitionId, form);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    assertThat(process.getBusinessKey()).matches("CHG-\\d{4}-\\d{4,}");
    Change change = changes.get(process.getBusinessKey());
    assertThat(change.requestedBy()).isEqualTo("devon");
    assertThat(change.version()).isEqualTo("3.1.0");
    assertThat(process).isWaitingAt("Task_ApproveChange");
    assertThatThrownBy(() -> processEngine.getFormService().submitStartForm(definitionId,
        Map.of("service", "nope", "version", "1", "title", "x", "changeType", "normal", "plannedStart", "tomorrow")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("plannedStart must be a date");
  }

  // --- helpers

  private ProcessInstance request(String service, String type, boolean testsFailed, boolean migration, Instant start,
      String requestedBy) {
    String body = """
        {"service":"%s","version":"1.%d","title":"Test change","changeType":"%s","tests":"%s","hasDbMigration":%s,
         %s"commitSha":"abc123","pipelineUrl":"https://ci.example/run/1","requestedBy":"%s"}"""
        .formatted(service, Math.abs(UUID.randomUUID().hashCode() % 1000), type, testsFailed ? "failed" : "passed",
            migration, start == null ? "" : "\"plannedStart\":\"" + start + "\",", requestedBy);
    Response created = api().bearer("demo-ci-token").post("/api/changes", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return processOf(created.json().path("changeKey").asText());
  }

  /** The change's process, also when it has already ended (a rejection at registration). */
  private ProcessInstance processOf(String key) {
    var historic = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key).singleResult();
    ExecutionEntity process = new ExecutionEntity();
    process.setId(historic.getId());
    process.setProcessInstanceId(historic.getId());
    process.setBusinessKey(key);
    process.setProcessDefinitionId(historic.getProcessDefinitionId());
    return process;
  }

  private Response report(String key, String status) {
    return api().bearer("demo-ci-token").post("/api/changes/" + key + "/deployment",
        "{\"status\":\"" + status + "\",\"url\":\"https://ci.example/deploy/" + key + "\"}");
  }

  private String alert(String service) {
    return as("olivia").post("/api/incidents", "{\"service\":\"" + service
        + "\",\"title\":\"Errors after release\",\"impact\":\"medium\",\"urgency\":\"high\"}").json()
        .path("incidentKey").asText();
  }

  private JsonNode gate(String key) {
    return api().bearer("demo-ci-token").get("/api/changes/" + key + "/gate").json();
  }

  private void passVerificationWindow(ProcessInstance process, int minutes) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(minutes + 1))));
    execute(job("Timer_VerificationOver", process));
  }

  private void approve(ProcessInstance process, String group, String user, Object approved, String comment) {
    ensureUser(user, group);
    Map<String, Object> variables = new HashMap<>();
    variables.put("approved", approved);
    variables.put("comment", comment);
    claimAndComplete(approvalTask(process, group), user, variables);
  }

  private Task approvalTask(ProcessInstance process, String group) {
    return taskService().createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("Task_ApproveChange")
        .taskCandidateGroup(group).singleResult();
  }

  private List<String> approvalGroups(ProcessInstance process) {
    return taskService().createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("Task_ApproveChange")
        .list().stream()
        .map(task -> (String) taskService().getVariable(task.getId(), "approverGroup")).toList();
  }

  private Task task(String definitionKey, ProcessInstance process) {
    return taskService().createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(definitionKey)
        .singleResult();
  }

  private void claimAndComplete(Task task, String user, Map<String, Object> variables) {
    taskService().claim(task.getId(), user);
    complete(task, variables);
  }

  private List<String> timeline(String key) {
    return changes.details(key).orElseThrow().timeline().stream().map(ChangeEvent::kind).toList();
  }

  private void ensure(ServiceDraft draft) {
    if (catalog.find(draft.key()).isEmpty()) {
      catalog.create(draft);
    }
  }

  /** A second developer, so a change devon requested can still get dev approval. */
  private void ensureUser(String user, String group) {
    var identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId(user).count() == 0) {
      var created = identity.newUser(user);
      created.setPassword("demo");
      identity.saveUser(created);
      identity.createMembership(user, group);
    }
  }

  private org.camunda.bpm.engine.TaskService taskService() {
    return processEngine.getTaskService();
  }

  private org.camunda.bpm.engine.RuntimeService runtimeService() {
    return processEngine.getRuntimeService();
  }
}
