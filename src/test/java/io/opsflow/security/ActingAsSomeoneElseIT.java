package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;

/**
 * Nobody acts on a task as someone else, on either REST surface: a task is claimed only for
 * oneself, handed to others only by those who may assign tasks and only to its candidates, and a
 * task someone has claimed is completed by them alone. Whoever completes a task is recorded as
 * its actor and its assignee.
 */
class ActingAsSomeoneElseIT extends IntegrationTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String SERVICE = "acting-as";
  private static final String APPROVE = "{\"variables\":{\"approved\":{\"value\":true}}}";
  private static final String TRIAGE = "{\"variables\":{\"diagnosisGroup\":{\"value\":\"ops\"},"
      + "\"category\":{\"value\":\"other\"},\"major\":{\"value\":false}}}";

  @Autowired
  ServiceCatalog catalog;

  @BeforeEach
  void service() {
    if (catalog.find(SERVICE).isEmpty()) {
      catalog.create(new ServiceDraft(SERVICE, "Acting-as test", 3, "dev", "ops", List.of()));
    }
  }

  @Test
  void theRequesterCannotClaimHisOwnApprovalForAColleagueThroughEngineRest() {
    String key = changeRequestedByOlivia();
    String opsApproval = approvalTask(key, "ops");

    Response claim = as("olivia").post("/engine-rest/task/" + opsApproval + "/claim", "{\"userId\":\"devon\"}");
    Response decide = as("olivia").post("/engine-rest/task/" + opsApproval + "/submit-form", APPROVE);

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(claim.json().path("message").asText())
        .contains("olivia may not give the task 'Approve change' to devon");
    assertThat(decide.status()).as("she completes it herself, so four eyes apply: " + decide).isEqualTo(400);
    assertThat(decide.json().path("message").asText()).contains("olivia requested this change and cannot approve it");
    assertThat(task(opsApproval).getAssignee()).isNull();
    assertThat(approvals(key)).isEmpty();
  }

  @Test
  void theRequesterCannotClaimHisOwnApprovalForAColleagueInTasklist() {
    String key = changeRequestedByOlivia();
    String opsApproval = approvalTask(key, "ops");
    Api olivia = api().signIn("olivia", "demo");

    Response claim = olivia.post(WEBAPP_ENGINE + "/task/" + opsApproval + "/claim", "{\"userId\":\"oscar\"}");
    Response assign = olivia.post(WEBAPP_ENGINE + "/task/" + opsApproval + "/assignee", "{\"userId\":\"oscar\"}");
    Response decide = olivia.post(WEBAPP_ENGINE + "/task/" + opsApproval + "/submit-form", APPROVE);

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(assign.status()).as(assign.toString()).isEqualTo(403);
    assertThat(decide.status()).as(decide.toString()).isEqualTo(400);
    assertThat(task(opsApproval).getAssignee()).isNull();
    assertThat(approvals(key)).isEmpty();
  }

  @Test
  void nobodyAcknowledgesAnIncidentInTheNameOfSomeoneWhoDoesNotExist() {
    String key = incidentWaitingForTriage();
    String triage = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();

    Response claim = as("olivia").post("/engine-rest/task/" + triage + "/claim", "{\"userId\":\"nobody-at-all\"}");
    Response triaged = as("olivia").post("/engine-rest/task/" + triage + "/submit-form", TRIAGE);

    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(triaged.status()).as(triaged.toString()).isIn(200, 204);
    assertThat(as("olivia").get("/api/incidents/" + key).json().path("acknowledgedBy").asText()).isEqualTo("olivia");
    assertThat(history(triage).getAssignee()).as("completing an unclaimed task assigns it").isEqualTo("olivia");
  }

  /** A candidate of "Acknowledge & triage" could end it with the escalation that means "closure confirmed". */
  @Test
  void nobodyEndsATaskWithABpmnErrorOrEscalationInsteadOfCompletingIt() {
    String key = incidentWaitingForTriage();
    String triage = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    Api olivia = api().signIn("olivia", "demo");

    Response escalation = as("olivia").post("/engine-rest/task/" + triage + "/bpmnEscalation",
        "{\"escalationCode\":\"closure-confirmed\"}");
    Response escalationInTasklist = olivia.post(WEBAPP_ENGINE + "/task/" + triage + "/bpmnEscalation",
        "{\"escalationCode\":\"closure-confirmed\"}");
    Response error = as("olivia").post("/engine-rest/task/" + triage + "/bpmnError", "{\"errorCode\":\"any\"}");

    assertThat(escalation.status()).as(escalation.toString()).isEqualTo(403);
    assertThat(escalationInTasklist.status()).as(escalationInTasklist.toString()).isEqualTo(403);
    assertThat(error.status()).as(error.toString()).isEqualTo(403);
    assertThat(task(triage)).as("still waiting for the triage").isNotNull();
  }

  @Test
  void aTaskClaimedBySomeoneElseIsCompletedOnlyByThem() {
    String opsTask = visibilityTask("Task_Ops");
    assertThat(as("oscar").post("/engine-rest/task/" + opsTask + "/claim", "{\"userId\":\"oscar\"}").status()).isEqualTo(204);
    Api olivia = api().signIn("olivia", "demo");

    Response viaRest = as("olivia").post("/engine-rest/task/" + opsTask + "/complete", "{}");
    Response viaTasklist = olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/submit-form", "{\"variables\":{}}");
    Response takeOver = as("olivia").post("/engine-rest/task/" + opsTask + "/claim", "{\"userId\":\"olivia\"}");
    Response release = olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/claim", "{\"userId\":null}");

    assertThat(viaRest.status()).as(viaRest.toString()).isEqualTo(403);
    assertThat(viaRest.json().path("message").asText()).contains("is claimed by oscar, so only oscar can complete it");
    assertThat(viaTasklist.status()).as(viaTasklist.toString()).isEqualTo(403);
    assertThat(takeOver.status()).as(takeOver.toString()).isEqualTo(403);
    assertThat(takeOver.json().path("message").asText()).contains("already claimed by oscar");
    assertThat(release.status()).as(release.toString()).isEqualTo(403);
    assertThat(task(opsTask).getAssignee()).isEqualTo("oscar");

    Response byOscar = as("oscar").post("/engine-rest/task/" + opsTask + "/complete", "{}");
    assertThat(byOscar.status()).as(byOscar.toString()).isEqualTo(204);
    assertThat(history(opsTask).getAssignee()).isEqualTo("oscar");
  }

  /** Both ways to release a claim: Tasklist's "unclaim", and claiming for nobody. */
  @Test
  void aPersonReleasesTheirOwnClaimAndNobodyElses() {
    String opsTask = visibilityTask("Task_Ops");
    Api olivia = api().signIn("olivia", "demo");
    assertThat(olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/claim", "{\"userId\":\"olivia\"}").status()).isEqualTo(204);

    Response oscarUnclaims = as("oscar").post("/engine-rest/task/" + opsTask + "/unclaim", "");
    Response oscarClaimsForNobody = as("oscar").post("/engine-rest/task/" + opsTask + "/claim", "{\"userId\":null}");
    assertThat(oscarUnclaims.status()).as(oscarUnclaims.toString()).isEqualTo(403);
    assertThat(oscarClaimsForNobody.status()).as(oscarClaimsForNobody.toString()).isEqualTo(403);
    assertThat(task(opsTask).getAssignee()).isEqualTo("olivia");

    Response unclaimed = olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/unclaim", "");
    assertThat(unclaimed.status()).as(unclaimed.toString()).isEqualTo(204);
    assertThat(task(opsTask).getAssignee()).isNull();

    olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/claim", "{\"userId\":\"olivia\"}");
    Response claimedForNobody = as("olivia").post("/engine-rest/task/" + opsTask + "/claim", "{\"userId\":null}");
    assertThat(claimedForNobody.status()).as(claimedForNobody.toString()).isEqualTo(204);
    assertThat(task(opsTask).getAssignee()).isNull();
  }

  @Test
  void onlyAnAdministratorHandsATaskToAnotherPersonAndOnlyToACandidate() {
    String opsTask = visibilityTask("Task_Ops");

    Response staffAssigns = as("olivia").post("/engine-rest/task/" + opsTask + "/assignee", "{\"userId\":\"oscar\"}");
    Response staffDelegates = as("olivia").post("/engine-rest/task/" + opsTask + "/delegate", "{\"userId\":\"oscar\"}");
    Response managerClaimsForOps = as("mia").post("/engine-rest/task/" + visibilityTask("Task_Manager") + "/claim",
        "{\"userId\":\"olivia\"}");
    Response toAStranger = as("admin").post("/engine-rest/task/" + opsTask + "/assignee", "{\"userId\":\"devon\"}");
    Response ownerStranger = as("admin").post("/engine-rest/task/" + opsTask + "/identity-links",
        "{\"userId\":\"quinn\",\"type\":\"owner\"}");

    assertThat(staffAssigns.status()).as(staffAssigns.toString()).isEqualTo(403);
    assertThat(staffDelegates.status()).as(staffDelegates.toString()).isEqualTo(403);
    assertThat(managerClaimsForOps.status()).as(managerClaimsForOps.toString()).isEqualTo(403);
    assertThat(toAStranger.status()).as(toAStranger.toString()).isEqualTo(403);
    assertThat(toAStranger.json().path("message").asText()).contains("devon cannot take the task 'Ops work': only members of ops can");
    assertThat(ownerStranger.status()).as(ownerStranger.toString()).isEqualTo(403);
    assertThat(task(opsTask).getAssignee()).isNull();
    assertThat(task(opsTask).getOwner()).isNull();

    Response toACandidate = as("admin").post("/engine-rest/task/" + opsTask + "/assignee", "{\"userId\":\"oscar\"}");
    Response delegated = as("admin").post("/engine-rest/task/" + opsTask + "/delegate", "{\"userId\":\"olivia\"}");
    Response resolved = as("olivia").post("/engine-rest/task/" + opsTask + "/resolve", "{}");

    assertThat(toACandidate.status()).as(toACandidate.toString()).isEqualTo(204);
    assertThat(delegated.status()).as(delegated.toString()).isEqualTo(204);
    assertThat(resolved.status()).as("the delegate hands it back to its owner: " + resolved).isEqualTo(204);
    assertThat(task(opsTask).getAssignee()).isEqualTo("oscar");
  }

  private String changeRequestedByOlivia() {
    Response created = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"1.0.0","title":"Acting as","changeType":"normal","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(SERVICE));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("changeKey").asText();
  }

  private String approvalTask(String changeKey, String group) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(changeKey)
        .taskCandidateGroup(group).singleResult().getId();
  }

  private JsonNode approvals(String changeKey) {
    return as("mia").get("/api/changes/" + changeKey).json().path("approvals");
  }

  private String incidentWaitingForTriage() {
    String key = as("olivia").post("/api/incidents",
        "{\"service\":\"" + SERVICE + "\",\"title\":\"Acting as\",\"impact\":\"low\",\"urgency\":\"low\"}").json()
        .path("incidentKey").asText();
    String processId = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .singleResult().getId();
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(processId).activityId("Task_NotifyOnCall").singleResult().getId());
    return key;
  }

  private String visibilityTask(String definitionKey) {
    ProcessInstance instance = startTaskVisibilityProcess();
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(definitionKey).singleResult().getId();
  }

  private Task task(String taskId) {
    return processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
  }

  private HistoricTaskInstance history(String taskId) {
    return processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
  }
}
