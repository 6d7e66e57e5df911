package io.opsflow.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.opsflow.kernel.web.ProblemWriter;
import io.opsflow.support.WideText;

/**
 * Comments on the embedded database (H2, the demo profile's): the longest comment OpsFlow takes, in
 * Chinese and emoji, is stored whole and read back whole under the person who wrote it.
 * TaskVisibilityIT checks the same on MariaDB.
 */
class TaskRecordsH2Test {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ProcessEngine engine;

  private Task task;

  @BeforeAll
  static void engineOnH2() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:task-records-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("task-records-h2");
    configuration.setJobExecutorActivate(false);
    configuration.setDatabaseSchemaUpdate("create-drop");
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void taskOfOlivia() {
    task = engine.getTaskService().newTask();
    task.setName("Restart web-01");
    engine.getTaskService().saveTask(task);
    engine.getIdentityService().setAuthentication("olivia", List.of("ops"));
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theLongestCommentInChineseAndEmojiIsStoredWholeUnderItsWriter() throws Exception {
    String longest = WideText.of(TaskRecords.COMMENT_MAX);

    MockHttpServletResponse created = send("POST", "comment/create", comment(longest));
    MockHttpServletResponse listed = send("GET", "comment", null);

    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
    JsonNode comment = JSON.readTree(created.getContentAsByteArray());
    assertThat(comment.path("message").asText()).isEqualTo(longest);
    assertThat(comment.path("userId").asText()).isEqualTo("olivia");
    assertThat(comment.path("taskId").asText()).isEqualTo(task.getId());
    assertThat(comment.path("links").get(0).path("href").asText()).isEqualTo(
        "http://localhost/engine-rest/task/" + task.getId() + "/comment/" + comment.path("id").asText());
    JsonNode stored = JSON.readTree(listed.getContentAsByteArray());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).path("message").asText()).isEqualTo(longest);
    assertThat(engine.getTaskService().getTaskComments(task.getId()).get(0).getFullMessage()).isEqualTo(longest);
  }

  @Test
  void oneCharacterMoreIsRefusedAndNothingIsStored() throws Exception {
    String oneMore = WideText.of(TaskRecords.COMMENT_MAX) + "。";

    MockHttpServletResponse refused = send("POST", "comment/create", comment(oneMore));

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("4001");
    assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();
  }

  @Test
  void anAttachmentWithAChineseNameAndItsContentAreStoredWhole() throws Exception {
    byte[] log = "内存不足 💥 OOM".getBytes(StandardCharsets.UTF_8);
    String boundary = "h2-boundary";
    String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n日志 📎.log\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.log\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(form.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(log);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    MockHttpServletResponse created = send("POST", "attachment/create", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());

    assertThat(created.getStatus()).as(created.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
    JsonNode attachment = JSON.readTree(created.getContentAsByteArray());
    assertThat(attachment.path("name").asText()).isEqualTo("日志 📎.log");
    assertThat(engine.getTaskService().getTaskAttachmentContent(task.getId(), attachment.path("id").asText())
        .readAllBytes()).isEqualTo(log);
  }

  @Test
  void anAttachmentOverTheLimitIsRefusedUnstored() throws Exception {
    byte[] huge = new byte[TaskRecords.ATTACHMENT_MAX_BYTES + 64 * 1024 + 1];

    MockHttpServletResponse refused = send("POST", "attachment/create", "multipart/form-data; boundary=b", huge);

    assertThat(refused.getStatus()).isEqualTo(413);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(engine.getTaskService().getTaskAttachments(task.getId())).isEmpty();
  }

  private static byte[] comment(String message) throws Exception {
    return JSON.writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("message", message));
  }

  private MockHttpServletResponse send(String method, String route, byte[] body) throws Exception {
    return send(method, route, "application/json", body);
  }

  private MockHttpServletResponse send(String method, String route, String contentType, byte[] body) throws Exception {
    var request = new MockHttpServletRequest(method, "/engine-rest/task/" + task.getId() + "/" + route);
    if (body != null) {
      request.setContentType(contentType);
      request.setContent(body);
    }
    var response = new MockHttpServletResponse();
    boolean answered = new TaskRecords(engine.getTaskService(), new ProblemWriter(JSON))
        .answer(request, response, task.getId(), route, task, false);
    assertThat(answered).isTrue();
    return response;
  }
}
