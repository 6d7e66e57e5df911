package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;

/**
 * The calls Cockpit's pages make for a manager, at the API level: the lists it asks for unpaged
 * (every version of a definition) answer within the engine's limit, open tasks are counted in full
 * while the manager still reads only their group's tasks, the Human Tasks report answers, Cockpit's page leaves the actions out, and the engine still
 * refuses them.
 */
class CockpitForManagersIT extends IntegrationTest {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String COCKPIT = "/camunda/app/cockpit/default/";

  private Api mia;
  private String instanceId;

  @BeforeEach
  void anIncidentIsOpenAndMiaSignedIn() {
    Response opened = as("olivia").post("/api/incidents", """
        {"service":"payments-api","title":"Cockpit 测试 🚨","description":"checkout fails","impact":"high","urgency":"high"}""");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    instanceId = processInstanceId(opened.json().path("incidentKey").asText());
    executeDueJobs(instanceId);
    mia = api().signIn("mia", "demo");
  }

  @Test
  void theVersionMenusOfDefinitionPagesAnswerWithinTheLimit() {
    Response processVersions = mia.get(ENGINE + "/process-definition?key=incident-response&sortBy=version&sortOrder=desc"
        + "&withoutTenantId=true");
    Response decisionVersions = mia.get(ENGINE + "/decision-definition?key=incident-priority-matrix&sortBy=version"
        + "&sortOrder=desc&withoutTenantId=true");

    assertThat(processVersions.status()).as(processVersions.toString()).isEqualTo(200);
    assertThat(processVersions.json().findValuesAsText("key")).isNotEmpty().containsOnly("incident-response");
    assertThat(processVersions.json().size()).isEqualTo(processEngine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey("incident-response").count());
    assertThat(decisionVersions.status()).as(decisionVersions.toString()).isEqualTo(200);
    assertThat(decisionVersions.json().findValuesAsText("key")).isNotEmpty().containsOnly("incident-priority-matrix");
    // the engine's own limit still holds for what asks for more, and for /engine-rest callers
    assertThat(mia.get(ENGINE + "/process-definition?maxResults=2001").status()).isEqualTo(400);
    assertThat(as("mia").get("/engine-rest/process-definition?key=incident-response").status()).isEqualTo(400);
  }

  @Test
  void openTasksAreCountedInFullAndTheHumanTasksReportAnswers() {
    long openTasks = processEngine.getTaskService().createTaskQuery().count();

    Response count = mia.get(ENGINE + "/task/count");
    Response byGroup = mia.get(ENGINE + "/task/report/candidate-group-count");

    assertThat(openTasks).isPositive();
    assertThat(count.json().path("count").asLong()).isEqualTo(openTasks);
    assertThat(byGroup.status()).as(byGroup.toString()).isEqualTo(200);
    assertThat(byGroup.json().findValuesAsText("groupName")).contains("ops");
    assertThat(mia.get(ENGINE + "/task/count?unfinished=true&unassigned=true&withCandidateGroups=true").json()
        .path("count").asLong()).isEqualTo(processEngine.getTaskService().createTaskQuery().taskUnassigned()
            .withCandidateGroups().count());
    // numbers only: the tasks themselves stay those of the manager's group, as Tasklist's group filter needs
    assertThat(mia.get(ENGINE + "/task?maxResults=2000").json().findValuesAsText("id"))
        .hasSizeLessThan((int) openTasks)
        .allMatch(id -> processEngine.getTaskService().createTaskQuery().taskId(id).taskCandidateGroup("manager")
            .includeAssignedTasks().count() == 1 || "mia".equals(processEngine.getTaskService().createTaskQuery()
            .taskId(id).singleResult().getAssignee()));
  }

  @Test
  void cockpitOffersAManagerNoActionsAndTheEngineRefusesThem() {
    String managersPage = mia.get(COCKPIT).body();
    String administratorsPage = api().signIn("admin", "demo").get(COCKPIT).body();
    ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("incident-response").latestVersion().singleResult();

    assertThat(managersPage).contains("cam-exclude-plugins=\"cockpit.processDefinition.runtime.action,"
        + "cockpit.processInstance.runtime.action:add-variable-action,").contains("/camunda/app/opsflow/read-only.css");
    assertThat(administratorsPage).contains("<base").doesNotContain("cockpit.processInstance.runtime.action")
        .doesNotContain("read-only.css");
    assertThat(mia.get("/camunda/app/opsflow/read-only.css").status()).isEqualTo(200);
    assertThat(mia.put(ENGINE + "/process-instance/" + instanceId + "/suspended", "{\"suspended\":true}").status())
        .isEqualTo(403);
    assertThat(mia.put(ENGINE + "/process-definition/" + definition.getId() + "/suspended",
        "{\"suspended\":true,\"includeProcessInstances\":false}").status()).isEqualTo(403);
    assertThat(mia.delete(ENGINE + "/process-instance/" + instanceId + "/variables/priority").status()).isEqualTo(403);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).active()
        .count()).isOne();
    assertThat(processEngine.getRuntimeService().getVariable(instanceId, "priority")).isEqualTo("P1");
  }
}
