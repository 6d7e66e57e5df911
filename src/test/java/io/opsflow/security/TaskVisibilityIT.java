package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.opsflow.tasklist.TasklistFilters;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.WideText;

/**
 * Each group sees, completes and comments on only the tasks it is a candidate for, in Tasklist and
 * via /engine-rest.
 */
class TaskVisibilityIT extends IntegrationTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @Autowired
  TasklistFilters filters;

  private ProcessInstance instance;

  @BeforeEach
  void startProcessWithOneTaskPerGroup() {
    instance = startTaskVisibilityProcess();
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
  void staffCommentOnTheirGroupsTasksInTasklistAndManagersReadTheCommentsOnceTheTaskIsDone() {
    String opsTask = task("Task_Ops").getId();
    String comments = WEBAPP_ENGINE + "/task/" + opsTask + "/comment";
    Api olivia = api().signIn("olivia", "demo");

    var before = olivia.get(comments);
    var added = olivia.post(comments + "/create", "{\"message\":\"重启了 web-01，恢复正常 🚀\"}");
    var listed = olivia.get(comments);
    var oscars = as("oscar").get("/engine-rest/task/" + opsTask + "/comment");

    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    assertThat(before.json()).isEmpty();
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    JsonNode comment = added.json();
    String commentId = comment.path("id").asText();
    assertThat(comment.path("userId").asText()).isEqualTo("olivia");
    assertThat(comment.path("taskId").asText()).isEqualTo(opsTask);
    assertThat(comment.path("message").asText()).isEqualTo("重启了 web-01，恢复正常 🚀");
    assertThat(comment.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    assertThat(comment.path("links").get(0).path("href").asText())
        .isEqualTo("http://localhost:" + port + comments + "/" + commentId);
    assertThat(comment.path("links").get(0).path("rel").asText()).isEqualTo("self");
    assertThat(listed.json().findValuesAsText("id")).containsExactly(commentId);
    assertThat(oscars.status()).as("a colleague in the same group").isEqualTo(200);
    assertThat(oscars.json().findValuesAsText("message")).containsExactly("重启了 web-01，恢复正常 🚀");
    var one = olivia.get(comments + "/" + commentId);
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    assertThat(processEngine.getTaskService().getTaskComments(opsTask)).singleElement()
        .satisfies(stored -> assertThat(stored.getUserId()).isEqualTo("olivia"));

    assertThat(olivia.post(WEBAPP_ENGINE + "/task/" + opsTask + "/complete", "{}").status()).isEqualTo(204);

    var managers = as("mia").get("/engine-rest/task/" + opsTask + "/comment");
    assertThat(managers.status()).as(managers.toString()).isEqualTo(200);
    assertThat(managers.json().findValuesAsText("message")).containsExactly("重启了 web-01，恢复正常 🚀");
    var afterwards = olivia.post(comments + "/create", "{\"message\":\"too late\"}");
    assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(404);
    assertThat(processEngine.getTaskService().getTaskComments(opsTask)).hasSize(1);
  }

  @Test
  void theLongestCommentRoundTripsWholeAndAnythingElseIsRefusedWithoutAComment() {
    String qaTask = task("Task_Qa").getId();
    String comments = "/engine-rest/task/" + qaTask + "/comment";
    Api quinn = as("quinn");
    String longest = WideText.of(4000);
    String another = processEngine.getRuntimeService().startProcessInstanceByKey("test-task-visibility").getId();

    for (String bad : List.of("", "{}", "[]", "not json", "{\"message\":\"\"}", "{\"message\":\"  \\n \"}",
        "{\"message\":42}", "{\"message\":null}", json(longest + "x"),
        "{\"message\":\"elsewhere\",\"processInstanceId\":\"" + another + "\"}")) {
      var refused = quinn.post(comments + "/create", bad);
      assertThat(refused.status()).as(bad + " -> " + refused).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(processEngine.getTaskService().getTaskComments(qaTask)).isEmpty();

    var accepted = quinn.post(comments + "/create", json(longest));
    var sameInstance = quinn.post(comments + "/create",
        "{\"message\":\"noted\",\"processInstanceId\":\"" + instance.getId() + "\"}");

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(sameInstance.status()).as(sameInstance.toString()).isEqualTo(200);
    var listed = quinn.get(comments).json();
    assertThat(listed.findValuesAsText("message")).containsExactlyInAnyOrder(longest, "noted");
    assertThat(processEngine.getTaskService().getProcessInstanceComments(another)).isEmpty();
  }

  @Test
  void staffAttachFilesToTheirGroupsTasksAndReadThemButOnlyTheAdministratorRemovesThem() {
    String opsTask = task("Task_Ops").getId();
    String attachments = "/engine-rest/task/" + opsTask + "/attachment";
    Api olivia = as("olivia");
    byte[] log = "2026-11-28 04:00 web-01 OOM — 内存不足 💥".getBytes(StandardCharsets.UTF_8);

    var added = attach(olivia, attachments + "/create", Map.of("attachment-name", "web-01 日志 📎.log",
        "attachment-type", "text/plain", "attachment-description", "OOM 之前的日志"), log);
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    String id = added.json().path("id").asText();
    assertThat(added.json().path("name").asText()).isEqualTo("web-01 日志 📎.log");
    assertThat(added.json().path("taskId").asText()).isEqualTo(opsTask);
    assertThat(added.json().path("links").get(0).path("href").asText())
        .isEqualTo("http://localhost:" + port + attachments + "/" + id);

    var tasklist = api().signIn("oscar", "demo");
    var listed = tasklist.get(WEBAPP_ENGINE + "/task/" + opsTask + "/attachment");
    var content = olivia.withHeader("Accept", "*/*").get(attachments + "/" + id + "/data");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("description")).containsExactly("OOM 之前的日志");
    assertThat(content.status()).as(content.toString()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(new String(log, StandardCharsets.UTF_8));
    // what staff upload is handed over as a download, never rendered as a page of OpsFlow's origin
    assertThat(content.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");

    var removed = olivia.delete(attachments + "/" + id);
    var removedInTasklist = tasklist.delete(WEBAPP_ENGINE + "/task/" + opsTask + "/attachment/" + id);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(403);
    assertThat(removedInTasklist.status()).as(removedInTasklist.toString()).isEqualTo(403);
    assertThat(removed.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(processEngine.getTaskService().getTaskAttachments(opsTask)).hasSize(1);

    var byAdministrator = as("admin").delete(attachments + "/" + id);
    assertThat(byAdministrator.status()).as(byAdministrator.toString()).isEqualTo(204);
    assertThat(processEngine.getTaskService().getTaskAttachments(opsTask)).isEmpty();
  }

  @Test
  void anAttachmentWithoutContentOrWithAScriptAddressIsRefused() {
    String devTask = task("Task_Dev").getId();
    String create = "/engine-rest/task/" + devTask + "/attachment/create";
    Api devon = as("devon");

    var nothing = attach(devon, create, Map.of("attachment-name", "empty"), null);
    var script = attach(devon, create, Map.of("url", "javascript:alert(1)"), null);
    var notAForm = devon.post(create, "{\"url\":\"https://wiki.example.com/runbook\"}");
    var longName = attach(devon, create, Map.of("attachment-name", "名".repeat(256)),
        "x".getBytes(StandardCharsets.UTF_8));
    var link = attach(devon, create, Map.of("url", "https://wiki.example.com/runbook", "attachment-name", "Runbook"),
        null);

    for (var refused : List.of(nothing, script, notAForm, longName)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(link.status()).as(link.toString()).isEqualTo(200);
    assertThat(processEngine.getTaskService().getTaskAttachments(devTask)).singleElement()
        .satisfies(attachment -> assertThat(attachment.getUrl()).isEqualTo("https://wiki.example.com/runbook"));
  }

  @Test
  void staffNeitherEditNorDeleteCommentsButTheAdministratorRemovesOne() {
    String opsTask = task("Task_Ops").getId();
    String comments = "/engine-rest/task/" + opsTask + "/comment";
    String id = as("olivia").post(comments + "/create", "{\"message\":\"first\"}").json().path("id").asText();

    var edit = as("oscar").put(comments, "{\"id\":\"" + id + "\",\"message\":\"rewritten\"}");
    var deleteOne = as("olivia").delete(comments + "/" + id);
    var deleteAll = as("olivia").delete(comments);

    for (var refused : List.of(edit, deleteOne, deleteAll)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }
    assertThat(processEngine.getTaskService().getTaskComments(opsTask)).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).isEqualTo("first"));

    // a secret pasted by mistake: the administrator removes it
    var byAdministrator = as("admin").delete(comments + "/" + id);
    assertThat(byAdministrator.status()).as(byAdministrator.toString()).isEqualTo(204);
    assertThat(processEngine.getTaskService().getTaskComments(opsTask)).isEmpty();
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

  private static final String BOUNDARY = "opsflow-test-boundary";

  private static String json(String message) {
    return JsonNodeFactory.instance.objectNode().put("message", message).toString();
  }

  private static Response attach(Api caller, String path, Map<String, String> fields, byte[] content) {
    return caller.send("POST", path, "multipart/form-data; boundary=" + BOUNDARY, multipart(fields, content));
  }

  private static byte[] multipart(Map<String, String> fields, byte[] content) {
    var body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (content != null) {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"web-01.log\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private Task task(String definitionKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(definitionKey).singleResult();
  }
}
