package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.opsflow.notify.outbox.Dispatcher;
import io.opsflow.oncall.OnCall;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * The acceptance of issue 11 as a new user tries it: a DingTalk robot channel, a rule for
 * {@code payments-api}, the weekly ops schedule, an Alertmanager alert. The robot is a local server
 * that checks DingTalk's signature as DingTalk documents it and counts the messages it took.
 */
class OnCallPagingIT extends IntegrationTest {

  private static final String SECRET = "SEC" + "0123456789abcdef".repeat(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  Dispatcher dispatcher;

  @Autowired
  OnCall onCall;

  private DingTalkRobot robot;
  private long channel;
  private final List<Long> rules = new ArrayList<>();

  @BeforeEach
  void dingTalkChannelAndRules() {
    robot = new DingTalkRobot(SECRET);
    channel = as("mia").post("/api/notification-channels", "{\"name\":\"Payments on call" + Fixtures.uniqueSuffix()
        + "\",\"kind\":\"dingtalk\",\"target\":\"" + robot.url() + "\",\"secret\":\"" + SECRET
        + "\",\"language\":\"en\"}").json().path("id").asLong();
    for (String event : List.of("incident.opened", "incident.escalated")) {
      var rule = as("mia").post("/api/notification-rules", "{\"event\":\"" + event
          + "\",\"service\":\"payments-api\",\"channels\":[" + channel + "]}");
      assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
      rules.add(rule.json().path("id").asLong());
    }
    JsonNode schedules = as("olivia").get("/api/oncall/schedules").json();
    assertThat(schedules.findValues("rotation").stream().map(JsonNode::asText).toList())
        .as("the demo's weekly schedule for ops").contains("weekly");
  }

  @AfterEach
  void removeChannelAndRules() {
    rules.forEach(rule -> as("mia").delete("/api/notification-rules/" + rule));
    as("mia").delete("/api/notification-channels/" + channel);
    robot.close();
  }

  @Test
  void anAlertPagesThePersonOnCallOnceAndTheNextLevelWhenTheAcknowledgeSlaPasses() throws Exception {
    String key = alert();
    List<String> onCallNow = escalationLevel(1);
    giveDingTalkIds(onCallNow);
    String processId = processInstanceId(key);
    runJob(processId, "Task_NotifyOnCall");
    Task triage = triage(processId);

    dispatcher.runOnce();

    List<JsonNode> opened = robot.messagesAbout(key);
    assertThat(opened).as("one signed message").hasSize(1);
    JsonNode message = opened.get(0);
    String text = message.path("markdown").path("text").asText();
    assertThat(text).contains("Incident " + key + " opened", "Service: payments-api",
        "(http://localhost:8080/camunda/app/tasklist/default/#/?task=" + triage.getId() + ")");
    for (String person : onCallNow) {
      assertThat(text).as("names the person on call").contains(onCall.displayName(person) + " (" + person + ")",
          "@ding-" + person);
    }
    assertThat(texts(message.path("at").path("atUserIds")))
        .containsExactlyInAnyOrderElementsOf(onCallNow.stream().map(person -> "ding-" + person).toList());
    assertThat(text).as("the link once").containsOnlyOnce("?task=" + triage.getId());

    Instant nextLevelAt = ((Date) processEngine.getRuntimeService().getVariable(processId, "ackNextLevelAt")).toInstant();
    ClockUtil.setCurrentTime(Date.from(nextLevelAt.plusSeconds(1)));
    List<String> nextLevel = escalationLevel(2);
    giveDingTalkIds(nextLevel);
    executeTimer(processId, "Timer_AckNextLevel");
    dispatcher.runOnce();

    List<JsonNode> all = robot.messagesAbout(key);
    assertThat(all).as("opened, then escalated").hasSize(2);
    String escalated = all.get(1).path("markdown").path("text").asText();
    assertThat(escalated).contains("Incident " + key + " escalated", "Level: 2",
        "?task=" + triage.getId());
    assertThat(texts(all.get(1).path("at").path("atUserIds")))
        .containsExactlyInAnyOrderElementsOf(nextLevel.stream().map(person -> "ding-" + person).toList());
    dispatcher.runOnce();
    assertThat(robot.messagesAbout(key)).as("nothing twice").hasSize(2);
  }

  @Test
  void claimingTheTriageBeforeLevelTwoPagesNobodyElse() throws Exception {
    String key = alert();
    String processId = processInstanceId(key);
    runJob(processId, "Task_NotifyOnCall");
    Task triage = triage(processId);
    dispatcher.runOnce();
    assertThat(robot.messagesAbout(key)).hasSize(1);

    assertThat(as("olivia").post("/engine-rest/task/" + triage.getId() + "/claim", "{\"userId\":\"olivia\"}").status())
        .isEqualTo(204);
    Instant nextLevelAt = ((Date) processEngine.getRuntimeService().getVariable(processId, "ackNextLevelAt")).toInstant();
    ClockUtil.setCurrentTime(Date.from(nextLevelAt.plusSeconds(1)));
    executeTimer(processId, "Timer_AckNextLevel");
    dispatcher.runOnce();

    assertThat(robot.messagesAbout(key)).as("no level-2 page").hasSize(1);
    assertThat(as("olivia").get("/api/incidents/" + key).json().path("acknowledgedBy").asText()).isEqualTo("olivia");
  }

  /** Alertmanager reports the payments alert of the shared fixture (alone, with a fingerprint of its own). */
  private String alert() throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.alertmanager("firing-two-alerts", Fixtures.uniqueSuffix()));
    ((ArrayNode) body.path("alerts")).remove(1);
    var response = api().basic("alertmanager", "demo-alert-token").post("/api/alerts/alertmanager", body.toString());
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
    return response.json().path("opened").get(0).asText();
  }

  private List<String> escalationLevel(int level) {
    List<String> people = onCall.escalationFor("payments-api", null).levels().get(level - 1).userIds();
    assertThat(people).as("level " + level + " pages people").isNotEmpty();
    return people;
  }

  private void giveDingTalkIds(List<String> people) {
    for (String person : people) {
      var put = as("mia").put("/api/people/" + person + "/contacts", "{\"dingtalkUserId\":\"ding-" + person + "\"}");
      assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }
  }

  private Task triage(String processId) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(processId)
        .taskDefinitionKey("Task_AcknowledgeTriage").singleResult();
  }

  private void runJob(String processId, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(processId)
        .activityId(activityId).singleResult();
    processEngine.getManagementService().executeJob(job.getId());
  }

  private void executeTimer(String processId, String activityId) {
    Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(processId)
        .activityId(activityId).timers().singleResult();
    processEngine.getManagementService().executeJob(timer.getId());
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /**
   * A DingTalk custom robot with 加签, as its documentation describes it: the request carries
   * {@code timestamp} (ms, within an hour of DingTalk's clock) and {@code sign}, the URL-encoded
   * Base64 of HmacSHA256 keyed by the secret over {@code timestamp + "\n" + secret}. A message whose
   * signature does not check is refused with errcode 310000 and not kept.
   */
  static final class DingTalkRobot implements AutoCloseable {

    private final HttpServer server;
    private final String secret;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();

    DingTalkRobot(String secret) {
      this.secret = secret;
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/robot/send", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean signed = signed(query.get("timestamp"), query.get("sign"));
        if (signed && "robot-token".equals(query.get("access_token"))) {
          accepted.add(JSON.readTree(body));
        }
        byte[] answer = (signed ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=robot-token";
    }

    List<JsonNode> messagesAbout(String incidentKey) {
      return accepted.stream().filter(message -> message.path("markdown").path("text").asText().contains(incidentKey))
          .toList();
    }

    private boolean signed(String timestamp, String sign) {
      if (timestamp == null || sign == null) {
        return false;
      }
      try {
        long millis = Long.parseLong(timestamp);
        if (Math.abs(System.currentTimeMillis() - millis) > Duration.ofHours(1).toMillis()) {
          return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
            mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        return expected.equals(sign);
      } catch (Exception e) {
        return false;
      }
    }

    private static Map<String, String> query(String raw) {
      Map<String, String> parameters = new LinkedHashMap<>();
      for (String pair : raw == null ? new String[0] : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
      return parameters;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
