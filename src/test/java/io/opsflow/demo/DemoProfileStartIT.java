package io.opsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.OpsFlowProcess;

/**
 * The default profile, as the README's run command starts it: embedded H2 under ./data, demo data,
 * everything kept across a restart (sign-ins included), and text stored whole as on MariaDB
 * (Chinese, emoji, the largest description, an alert beyond its columns clipped with a note).
 */
class DemoProfileStartIT {

  private static final String MIXED = "支付失败 💳🔥 Zahlung fällt aus — ошибка 𝄞";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path workDir;

  @Test
  void startsWithDemoDataOnAFileDatabaseAndKeepsDataAcrossARestart() throws Exception {
    Api signedIn;
    try (OpsFlowProcess first = OpsFlowProcess.start(workDir, Map.of())) {
      assertThat(first.running()).as(first.output()).isTrue();
      Api api = first.api();
      assertThat(api.basic("olivia", "demo").get("/engine-rest/engine").status()).isEqualTo(200);
      assertThat(api.anonymous().get("/engine-rest/engine").status()).isEqualTo(401);
      assertThat(api.basic("olivia", "demo").get("/api/services").json().findValuesAsText("key"))
          .containsExactly("payments-api", "reporting", "web-portal");
      assertThat(api.bearer("demo-ci-token").get("/api/services").status()).isEqualTo(403);
      signedIn = api.signIn("olivia", "demo");
      assertThat(signedIn.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
      assertThat(api.basic("mia", "demo").post("/api/services",
          "{\"key\":\"kept\",\"name\":\"Kept\",\"tier\":3,\"devGroup\":\"dev\"}").status()).isEqualTo(201);
      storesTextWhole(api);
    }
    assertThat(Files.list(workDir.resolve("data")).map(Path::getFileName).map(Path::toString))
        .anyMatch(name -> name.startsWith("opsflow") && name.endsWith(".mv.db"));

    try (OpsFlowProcess second = OpsFlowProcess.start(workDir, Map.of())) {
      assertThat(second.running()).as(second.output()).isTrue();
      assertThat(second.api().basic("olivia", "demo").get("/api/services/kept").status()).isEqualTo(200);
      assertThat(second.api().basic("olivia", "demo").get("/api/services").json().size()).isEqualTo(4);
      Api stillSignedIn = signedIn.on(second.port());
      assertThat(stillSignedIn.get("/camunda/app/tasklist/default/").status()).as("sessions survive the restart")
          .isEqualTo(200);
      assertThat(stillSignedIn.post("/camunda/api/engine/engine/default/task/count", "{}").status()).isEqualTo(200);
    }
  }

  private static void storesTextWhole(Api api) throws Exception {
    Api olivia = api.basic("olivia", "demo");
    String description = "支付🚀ab".repeat(1666) + "abcd";
    Response reported = olivia.post("/api/incidents", JSON.writeValueAsString(Map.of("service", "payments-api",
        "title", MIXED, "description", description, "impact", "low", "urgency", "low")));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String key = reported.json().path("incidentKey").asText();
    JsonNode incident = olivia.get("/api/incidents/" + key).json();
    assertThat(incident.path("title").asText()).isEqualTo(MIXED);
    assertThat(incident.path("description").asText()).isEqualTo(description);
    String process = olivia.get("/engine-rest/process-instance?businessKey=" + key + "&maxResults=1").json().get(0)
        .path("id").asText();
    assertThat(olivia.get("/engine-rest/process-instance/" + process + "/variables/title").json().path("value").asText())
        .isEqualTo(MIXED);
    assertThat(olivia.get("/engine-rest/process-instance/" + process + "/variables/description").json().path("value")
        .asText()).hasSizeLessThanOrEqualTo(4000).endsWith("(clipped; the whole text: GET /api/incidents/" + key + ")");

    Response alerted = api.bearer("demo-alert-token").post("/api/alerts/alertmanager", JSON.writeValueAsString(Map.of(
        "version", "4", "status", "firing", "alerts", List.of(Map.of("status", "firing", "fingerprint", "h2-big-alert",
            "labels", Map.of("alertname", "支付告警🔥", "service", "payments-api", "huge", "标签🚀".repeat(90_000)),
            "annotations", Map.of("summary", MIXED))))));
    assertThat(alerted.status()).as(alerted.toString()).isEqualTo(202);
    JsonNode alerting = olivia.get("/api/incidents/" + alerted.json().path("opened").get(0).asText()).json();
    JsonNode alert = alerting.path("alerts").get(0);
    assertThat(alert.path("summary").asText()).isEqualTo(MIXED);
    assertThat(alert.path("alertName").asText()).isEqualTo("支付告警🔥");
    assertThat(alert.path("labels").path("huge").asText()).hasSizeLessThanOrEqualTo(1000).startsWith("标签🚀");
    assertThat(alerting.path("timeline").findValuesAsText("kind")).contains("alert-clipped");

    JsonNode onCall = olivia.get("/api/oncall/now").json();
    assertThat(onCall.findValuesAsText("scheduleName")).as("the demo schedule").contains("Ops weekly");
    assertThat(onCall.findValuesAsText("userId")).containsAnyOf("olivia", "oscar");
    String name = MIXED + "🚨".repeat(50) + "值".repeat(200 - MIXED.length() - 100);
    Response schedule = api.basic("mia", "demo").post("/api/oncall/schedules", JSON.writeValueAsString(Map.of(
        "name", name, "group", "ops", "members", List.of("oscar", "olivia"), "rotation", "daily",
        "timeZone", "Europe/Berlin", "start", "2026-03-28")));
    assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
    String id = schedule.json().path("id").asText();
    assertThat(olivia.get("/api/oncall/schedules/" + id).json().path("name").asText()).isEqualTo(name);
    assertThat(olivia.get("/api/oncall/schedules/" + id + "/now?at=2026-03-29T07:00:00Z").json().path("from").asText())
        .as("09:00 CEST on the day after the switch").isEqualTo("2026-03-29T07:00:00Z");
  }
}
