package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.tasklist.TasklistFilters;
import io.opsflow.support.Api;
import io.opsflow.support.IntegrationTest;

/** Each group sees and completes only the tasks it is a candidate for, in Tasklist and via /engine-rest. */
class TaskVisibilityIT extends IntegrationTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @Autowired
  TasklistFilters filters;

  private ProcessInstance instance;

  @BeforeEach
  void startProcessWithOneTaskPerGroup() {
    if (processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("test-task-visibility").count() == 0) {
      processEngine.getRepositoryService().createDeployment()
          .addClasspathResource("bpmn/task-visibility.bpmn").name("test").deploy();
    }
    instance = processEngine.getRuntimeService().startProcessInstanceByKey("test-task-visibility");
  }

  @Test
  void eachGroupSeesOnlyItsOwnTaskThroughEngineRest() {
    assertThat(taskNames(as("olivia"), "/engine-rest")).containsExactly("Ops work");
    assertThat(taskNames(as("devon"), "/engine-rest")).containsExactly("Dev work");
    assertThat(taskNames(as("quinn"), "/engine-rest")).containsExactly("QA work");
    assertThat(taskNames(as("mia"), "/engine-rest")).containsExactly("Manager work");
  }

  @Test
  void eachGroupSeesOnlyItsOwnTaskInTasklist() {
    assertThat(taskNames(api().signIn("olivia", "demo"), WEBAPP_ENGINE)).containsExactly("Ops work");
    assertThat(taskNames(api().signIn("devon", "demo"), WEBAPP_ENGINE)).containsExactly("Dev work");
    assertThat(taskNames(api().signIn("mia", "demo"), WEBAPP_ENGINE)).containsExactly("Manager work");
  }

  @Test
  void nobodyCompletesAnotherGroupsTask() {
    String devTask = task("Task_Dev").getId();

    var viaRest = as("olivia").post("/engine-rest/task/" + devTask + "/complete", "{}");
    var viaTasklist = api().signIn("olivia", "demo").post(WEBAPP_ENGINE + "/task/" + devTask + "/complete", "{}");
    var claim = as("olivia").post("/engine-rest/task/" + devTask + "/claim", "{\"userId\":\"olivia\"}");

    assertThat(viaRest.status()).as(viaRest.toString()).isEqualTo(403);
    assertThat(viaTasklist.status()).as(viaTasklist.toString()).isEqualTo(403);
    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
    assertThat(task("Task_Dev").getAssignee()).isNull();
  }

  @Test
  void nobodyReadsOrWritesTheCommentsAndAttachmentsOfAnotherGroupsTask() {
    String devTask = task("Task_Dev").getId();
    processEngine.getTaskService().createComment(devTask, instance.getId(), "dev only: 数据库口令在保险柜 🔐");
    String attachment = processEngine.getTaskService().createAttachment("text/plain", devTask, instance.getId(),
        "runbook.txt", "dev only", new java.io.ByteArrayInputStream("secret".getBytes())).getId();
    String base = "/engine-rest/task/" + devTask;
    Api olivia = as("olivia");

    var comments = olivia.get(base + "/comment");
    var addComment = olivia.post(base + "/comment/create", "{\"message\":\"not mine\"}");
    var attachments = olivia.get(base + "/attachment");
    var content = olivia.withHeader("Accept", "*/*").get(base + "/attachment/" + attachment + "/data");
    var removeAttachment = olivia.delete(base + "/attachment/" + attachment);
    Api tasklist = api().signIn("olivia", "demo");
    var inTasklist = tasklist.get(WEBAPP_ENGINE + "/task/" + devTask + "/comment");
    var contentInTasklist = tasklist.withHeader("Accept", "*/*")
        .get(WEBAPP_ENGINE + "/task/" + devTask + "/attachment/" + attachment + "/data");

    for (var refused : List.of(comments, addComment, attachments, content, removeAttachment, inTasklist,
        contentInTasklist)) {
      assertThat(refused.status()).as(refused.toString()).isIn(400, 403, 404);
      assertThat(refused.body()).doesNotContain("保险柜", "secret", "runbook");
    }
    assertThat(processEngine.getTaskService().getTaskComments(devTask)).hasSize(1);
    assertThat(processEngine.getTaskService().getTaskAttachments(devTask)).hasSize(1);

    // the task's own group still reads what was attached to it
    var devons = as("devon").withHeader("Accept", "*/*").get(base + "/attachment/" + attachment + "/data");
    assertThat(devons.status()).as(devons.toString()).isEqualTo(200);
    assertThat(devons.body()).isEqualTo("secret");
  }

  @Test
  void candidateClaimsAndCompletesOwnTask() {
    String opsTask = task("Task_Ops").getId();
    Api olivia = api().signIn("olivia", "demo");

    var claim = olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/claim", "{\"userId\":\"olivia\"}");
    var complete = olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/complete",
        "{\"variables\":{\"regexExpression\":{\"value\":\"literal, not a query criterion\"}}}");

    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    assertThat(complete.status()).as(complete.toString()).isEqualTo(204);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(opsTask).count()).isZero();
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "regexExpression"))
        .isEqualTo("literal, not a query criterion");
  }

  @Test
  void tasklistFiltersShowOwnAndGroupTasksUnassignedGroupTasksAndOverdueTasks() {
    String qaTask = task("Task_Qa").getId();
    processEngine.getTaskService().setDueDate(qaTask, Date.from(Instant.now().minusSeconds(3600)));
    processEngine.getTaskService().setDueDate(task("Task_Dev").getId(), Date.from(Instant.now().minusSeconds(3600)));
    filters.refreshOverdue();
    Api quinn = api().signIn("quinn", "demo");

    assertThat(filterTasks(quinn, TasklistFilters.GROUP_TASKS)).contains(qaTask);
    assertThat(filterTasks(quinn, TasklistFilters.OVERDUE)).contains(qaTask).allMatch(id -> isQaTask(id));
    assertThat(filterTasks(quinn, TasklistFilters.MY_TASKS)).as("her groups' unclaimed work").contains(qaTask);

    assertThat(quinn.post(WEBAPP_ENGINE + "/task/" + qaTask + "/claim", "{\"userId\":\"quinn\"}").status()).isEqualTo(204);
    assertThat(filterTasks(quinn, TasklistFilters.MY_TASKS)).contains(qaTask);
    assertThat(filterTasks(quinn, TasklistFilters.GROUP_TASKS)).doesNotContain(qaTask);
  }

  @Test
  void aGroupAddedAfterTheSharedFiltersWereMadeGetsThemAtTheNextStart() {
    List<String> shared = processEngine.getFilterService().createFilterQuery().list().stream()
        .filter(filter -> filter.getOwner() == null).map(filter -> filter.getId()).toList();
    assertThat(shared).hasSize(2);
    shared.forEach(id -> Grants.revoke(processEngine.getAuthorizationService(), Groups.SECURITY,
        org.camunda.bpm.engine.authorization.Resources.FILTER, id, org.camunda.bpm.engine.authorization.Permissions.READ));

    filters.ensureSharedFilters();

    Api sasha = api().signIn("sasha", "demo");
    assertThat(sasha.get(WEBAPP_ENGINE + "/filter?resourceType=Task&maxResults=100").json().findValuesAsText("name"))
        .contains(TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE);
  }

  @Test
  void managerReadsEveryProcessInCockpitButChangesNothingAndStaffSeeNoInstances() {
    String instances = "/engine-rest/process-instance?processDefinitionKey=test-task-visibility&maxResults=500";

    var managerView = as("mia").get(instances).json();
    var opsView = as("olivia").get(instances).json();
    var cancel = as("mia").delete("/engine-rest/process-instance/" + instance.getId());

    assertThat(managerView.findValuesAsText("id")).contains(instance.getId());
    assertThat(opsView.size()).isZero();
    assertThat(cancel.status()).as(cancel.toString()).isEqualTo(403);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isOne();
  }

  private boolean isQaTask(String taskId) {
    return processEngine.getTaskService().createTaskQuery().taskId(taskId).taskCandidateGroup("qa")
        .includeAssignedTasks().count() == 1;
  }

  private List<String> filterTasks(Api session, String filterName) {
    JsonNode filters = session.get(WEBAPP_ENGINE + "/filter?resourceType=Task&maxResults=100").json();
    String filterId = null;
    for (JsonNode filter : filters) {
      if (filter.path("name").asText().equals(filterName)) {
        filterId = filter.path("id").asText();
      }
    }
    assertThat(filterId).as("filter '%s' visible", filterName).isNotNull();
    var tasks = session.post(WEBAPP_ENGINE + "/filter/" + filterId + "/list?maxResults=500", "{}");
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    tasks.json().forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  private List<String> taskNames(Api caller, String root) {
    var response = caller.get(root + "/task?processInstanceId=" + instance.getId() + "&maxResults=100");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    response.json().forEach(task -> names.add(task.path("name").asText()));
    return names;
  }

  private Task task(String definitionKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(definitionKey).singleResult();
  }
}
