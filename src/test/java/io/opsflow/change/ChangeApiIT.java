package io.opsflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/** The change API as CI pipelines use it: idempotent requests, the gate, deployment reports, freeze windows. */
class ChangeApiIT extends IntegrationTest {

  private static final String SERVICE = "chg-api";

  @Autowired
  ServiceCatalog catalog;

  @BeforeEach
  void service() {
    if (catalog.find(SERVICE).isEmpty()) {
      catalog.create(new ServiceDraft(SERVICE, "Change API test", 3, "dev", "ops", List.of()));
    }
  }

  @Test
  void standardChangeFromCiIsThroughTheGateAtOnce() {
    Response created = ci().post("/api/changes", change("standard", "passed"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String key = created.json().path("changeKey").asText();
    assertThat(key).matches("CHG-\\d{4}-\\d{4,}");
    assertThat(created.header("Location")).endsWith("/api/changes/" + key);
    assertThat(created.json().path("gate").path("status").asText()).isEqualTo("approved");
    assertThat(created.json().path("approvalRoute").asText()).isEqualTo("auto");

    Response reported = ci().post("/api/changes/" + key + "/deployment", "{\"status\":\"succeeded\",\"url\":\"https://ci/1\"}");
    Response again = ci().post("/api/changes/" + key + "/deployment", "{\"status\":\"succeeded\"}");
    Response contradicting = ci().post("/api/changes/" + key + "/deployment", "{\"status\":\"failed\"}");

    assertThat(reported.status()).isEqualTo(200);
    assertThat(reported.json().path("state").asText()).isEqualTo("verifying");
    assertThat(again.status()).as("a retry changes nothing").isEqualTo(200);
    assertThat(contradicting.status()).isEqualTo(409);
    var details = as("olivia").get("/api/changes/" + key).json();
    assertThat(details.path("deploymentStatus").asText()).isEqualTo("succeeded");
    assertThat(details.path("requestedBy").asText()).isEqualTo("olivia");
    assertThat(details.path("requestedVia").asText()).isEqualTo("ci-bot");
    assertThat(details.path("timeline").findValuesAsText("kind")).containsSubsequence("requested", "risk", "gate-approved",
        "deployment-succeeded").doesNotHaveDuplicates();
  }

  @Test
  void repeatsWithOneIdempotencyKeyAreOneChange() {
    String idempotencyKey = "run-" + UUID.randomUUID();
    Response first = ci().withHeader("Idempotency-Key", idempotencyKey).post("/api/changes", change("standard", "passed"));
    Response repeat = ci().withHeader("Idempotency-Key", idempotencyKey).post("/api/changes", change("standard", "passed"));
    Response different = ci().withHeader("Idempotency-Key", idempotencyKey).post("/api/changes", change("normal", "passed"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.json().path("changeKey").asText()).isEqualTo(first.json().path("changeKey").asText());
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.json().path("detail").asText()).contains("was used for a different change");
    assertThat(rows("change_request WHERE idempotency_key = '" + idempotencyKey + "'")).isOne();
  }

  @Test
  void concurrentRepeatsWithOneIdempotencyKeyOpenOneChange() throws Exception {
    String idempotencyKey = "race-" + UUID.randomUUID();
    int senders = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return ci().withHeader("Idempotency-Key", idempotencyKey).post("/api/changes", change("standard", "passed"));
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Future<Response> answer : answers) {
      statuses.add(answer.get().status());
      keys.add(answer.get().json().path("changeKey").asText());
    }
    pool.shutdown();

    assertThat(statuses).containsOnly(201, 200).containsOnlyOnce(201);
    assertThat(keys).containsOnly(keys.get(0));
    assertThat(rows("change_request WHERE idempotency_key = '" + idempotencyKey + "'")).isOne();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(keys.get(0))
        .count() + processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(keys.get(0)).finished().count()).as("one process").isOne();
  }

  @Test
  void aPendingGateRefusesDeploymentReportsWhateverOtherChangesDo() {
    String approved = ci().post("/api/changes", change("standard", "passed")).json().path("changeKey").asText();
    String pending = ci().post("/api/changes", change("normal", "passed")).json().path("changeKey").asText();

    Response report = ci().post("/api/changes/" + pending + "/deployment", "{\"status\":\"succeeded\"}");

    assertThat(ci().get("/api/changes/" + approved + "/gate").json().path("status").asText()).isEqualTo("approved");
    assertThat(report.status()).isEqualTo(409);
    assertThat(report.json().path("detail").asText()).contains("gate of change " + pending + " is pending");
    assertThat(ci().get("/api/changes/" + pending + "/gate").json().path("status").asText()).isEqualTo("pending");
    assertThat(as("olivia").get("/api/changes/" + pending).json().path("deploymentStatus").isMissingNode()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown service       | {"service":"nope","version":"1","title":"x","changeType":"standard","tests":"passed","hasDbMigration":false} | service 'nope' is not in the catalog
      bad change type       | {"service":"chg-api","version":"1","title":"x","changeType":"urgent","tests":"passed","hasDbMigration":false} | changeType must be standard, normal or emergency
      bad tests             | {"service":"chg-api","version":"1","title":"x","changeType":"standard","tests":"mostly","hasDbMigration":false} | tests must be passed or failed
      migration as text     | {"service":"chg-api","version":"1","title":"x","changeType":"standard","tests":"passed","hasDbMigration":"no"} | hasDbMigration
      missing version       | {"service":"chg-api","title":"x","changeType":"standard","tests":"passed","hasDbMigration":false} | version must not be blank
      start not a date      | {"service":"chg-api","version":"1","title":"x","changeType":"standard","tests":"passed","hasDbMigration":false,"plannedStart":"tonight"} | plannedStart
      unknown requester     | {"service":"chg-api","version":"1","title":"x","changeType":"standard","tests":"passed","hasDbMigration":false,"requestedBy":"ghost"} | requestedBy 'ghost' is not an OpsFlow user
      malformed JSON        | {"service":"chg-api",                                                                                     | not valid JSON
      """)
  void badChangeIsRefusedAndWritesNothing(String name, String body, String message) {
    long before = rows("change_request");

    Response response = ci().post("/api/changes", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(rows("change_request")).isEqualTo(before);
  }

  @Test
  void aPersonRequestsOnlyForThemselves() {
    Response forSomeoneElse = as("olivia").post("/api/changes", change("standard", "passed").replace("\"olivia\"", "\"oscar\""));
    Response forThemselves = as("oscar").post("/api/changes", change("standard", "passed").replace("\"olivia\"", "\"oscar\""));

    assertThat(forSomeoneElse.status()).isEqualTo(400);
    assertThat(forSomeoneElse.json().path("detail").asText()).contains("requestedBy must be you");
    assertThat(forThemselves.status()).isEqualTo(201);
  }

  @Test
  void theRequesterCannotTakeOrDecideTheirOwnApprovalInTasklistOrRest() {
    String key = ci().post("/api/changes", change("normal", "passed")).json().path("changeKey").asText();
    String opsApproval = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskCandidateGroup("ops").singleResult().getId();
    Api olivia = api().signIn("olivia", "demo");

    Response claim = olivia.post("/camunda/api/engine/engine/default/task/" + opsApproval + "/claim",
        "{\"userId\":\"olivia\"}");
    Response decide = as("olivia").post("/engine-rest/task/" + opsApproval + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true}}}");

    assertThat(claim.status()).as(claim.toString()).isEqualTo(400);
    assertThat(claim.json().path("message").asText()).contains("olivia requested this change and cannot approve it");
    assertThat(decide.status()).as(decide.toString()).isEqualTo(400);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(opsApproval).singleResult().getAssignee()).isNull();
    assertThat(ci().get("/api/changes/" + key + "/gate").json().path("status").asText()).isEqualTo("pending");
  }

  @Test
  void ciBotUsesOnlyTheChangeApi() {
    assertThat(ci().get("/api/incidents").status()).isEqualTo(403);
    assertThat(ci().get("/engine-rest/engine").status()).isEqualTo(403);
    assertThat(ci().get("/engine-rest/task?maxResults=1").status()).isEqualTo(403);
    assertThat(ci().get("/api/freeze-windows").status()).isEqualTo(403);
    assertThat(ci().get("/api/changes?state=open&service=" + SERVICE).status()).isEqualTo(200);
    assertThat(api().bearer("demo-alert-token").post("/api/changes", change("standard", "passed")).status()).isEqualTo(403);
  }

  @Test
  void managersManageFreezeWindows() {
    Response created = as("mia").post("/api/freeze-windows",
        "{\"start\":\"2030-12-20T00:00:00Z\",\"end\":\"2031-01-02T00:00:00Z\",\"reason\":\"year-end\"}");
    String id = created.json().path("id").asText();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("services").size()).as("all services").isZero();
    assertThat(as("mia").get("/api/freeze-windows").json().findValuesAsText("id")).contains(id);
    assertThat(as("olivia").post("/api/freeze-windows",
        "{\"start\":\"2030-12-20T00:00:00Z\",\"end\":\"2031-01-02T00:00:00Z\",\"reason\":\"x\"}").status()).isEqualTo(403);
    assertThat(as("mia").post("/api/freeze-windows",
        "{\"start\":\"2031-01-02T00:00:00Z\",\"end\":\"2030-12-20T00:00:00Z\",\"reason\":\"backwards\"}").status()).isEqualTo(400);
    assertThat(as("mia").post("/api/freeze-windows",
        "{\"start\":\"2030-01-02T00:00:00Z\",\"end\":\"2030-01-03T00:00:00Z\",\"services\":[\"ghost\"],\"reason\":\"x\"}")
        .json().path("detail").asText()).contains("ghost");
    assertThat(as("mia").delete("/api/freeze-windows/" + id).status()).isEqualTo(204);
    assertThat(as("mia").delete("/api/freeze-windows/" + id).status()).isEqualTo(404);
  }

  private String change(String type, String tests) {
    return """
        {"service":"%s","version":"2.0.0","title":"Release","changeType":"%s","tests":"%s","hasDbMigration":false,
         "commitSha":"0f3c2a1","pipelineUrl":"https://ci.example/pipelines/1","requestedBy":"olivia"}"""
        .formatted(SERVICE, type, tests);
  }

  private Api ci() {
    return api().bearer("demo-ci-token");
  }

  private static long rows(String tableAndCondition) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM " + tableAndCondition);
  }
}
