package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.kernel.domain.Refusal;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * A service's lifecycle: moved along the arrows only, by processes through {@link ServiceLifecycle}
 * or by an administrator, with its history; and the rules that depend on it (DMN), end to end.
 */
class LifecycleIT extends IntegrationTest {

  @Autowired
  ServiceLifecycle lifecycle;

  @Test
  void anAdministratorMovesAServiceAlongTheArrowsAndTheHistorySaysWhoWhenAndWhy() {
    String service = service("planned");

    Response moved = as("admin").put("/api/services/" + service + "/lifecycle",
        "{\"state\":\"launching\",\"reason\":\"首发：灰度 10% 🚀\"}");

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("state").asText()).isEqualTo("launching");
    JsonNode history = as("devon").get("/api/services/" + service).json().path("lifecycle").path("history");
    assertThat(history.size()).isEqualTo(2);
    JsonNode last = history.get(1);
    assertThat(last.path("from").asText()).isEqualTo("planned");
    assertThat(last.path("to").asText()).isEqualTo("launching");
    assertThat(last.path("actor").asText()).isEqualTo("admin");
    assertThat(last.path("reason").asText()).as("stored whole").isEqualTo("首发：灰度 10% 🚀");
    assertThat(last.path("at").asText()).isNotBlank();
    assertThat(last.path("process").isMissingNode()).isTrue();
  }

  @Test
  void aMoveOffTheArrowsIsAConflictAndWritesNothing() {
    String service = service("planned");
    long before = transitions(service);

    Response skip = as("admin").put("/api/services/" + service + "/lifecycle", "{\"state\":\"live\",\"reason\":\"skip\"}");
    Response back = as("admin").put("/api/services/" + service + "/lifecycle",
        "{\"state\":\"planned\",\"reason\":\"again\"}");

    assertThat(skip.status()).as(skip.toString()).isEqualTo(409);
    assertThat(skip.header("Content-Type")).startsWith("application/problem+json");
    assertThat(skip.json().path("detail").asText()).contains("planned → launching → live → deprecated → retired");
    assertThat(back.status()).isEqualTo(409);
    assertThat(transitions(service)).isEqualTo(before);
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.PLANNED);
  }

  @Test
  void onlyAnAdministratorMovesALifecycleByHandAndWithAReason() {
    String service = service("planned");

    Response manager = as("mia").put("/api/services/" + service + "/lifecycle",
        "{\"state\":\"launching\",\"reason\":\"why not\"}");
    Response noReason = as("admin").put("/api/services/" + service + "/lifecycle", "{\"state\":\"launching\"}");
    Response unknownState = as("admin").put("/api/services/" + service + "/lifecycle",
        "{\"state\":\"sunset\",\"reason\":\"x\"}");
    Response unknownService = as("admin").put("/api/services/nothing-here/lifecycle",
        "{\"state\":\"launching\",\"reason\":\"x\"}");

    assertThat(manager.status()).isEqualTo(403);
    assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
    assertThat(unknownState.status()).isEqualTo(400);
    assertThat(unknownState.json().path("detail").asText()).contains("planned, launching, live, deprecated or retired");
    assertThat(unknownService.status()).isEqualTo(404);
    assertThat(lifecycle.stateOf(service)).isEqualTo(LifecycleState.PLANNED);
  }

  @Test
  void aProcessMovesItThroughTheFacadeWithItsInstanceAndAStaleFromIsRefused() {
    String service = service("live");

    LifecycleTransition moved = lifecycle.move(service, LifecycleState.LIVE, LifecycleState.DEPRECATED, "mia",
        new ProcessRef("pi-1", "RET-2026-0001"), "notice published");

    assertThat(moved.to()).isEqualTo(LifecycleState.DEPRECATED);
    JsonNode last = as("olivia").get("/api/services/" + service).json().path("lifecycle").path("history").get(1);
    assertThat(last.path("process").path("businessKey").asText()).isEqualTo("RET-2026-0001");
    assertThat(last.path("process").path("processInstanceId").asText()).isEqualTo("pi-1");
    assertThatThrownBy(() -> lifecycle.move(service, LifecycleState.LIVE, LifecycleState.DEPRECATED, "mia", null, null))
        .isInstanceOf(Refusal.Conflict.class).hasMessageContaining("is deprecated, not live");
    assertThatThrownBy(() -> lifecycle.move("nothing-here", LifecycleState.LIVE, LifecycleState.DEPRECATED, "mia",
        null, null)).isInstanceOf(Refusal.NotFound.class);
  }

  @Test
  void ofTwoConcurrentMovesFromTheSameStateExactlyOneSucceeds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String service = service("planned");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> moves = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          String launch = "LAUNCH-2026-" + round + i;
          Callable<Boolean> move = () -> {
            start.await();
            try {
              lifecycle.move(service, LifecycleState.PLANNED, LifecycleState.LAUNCHING, "mia",
                  new ProcessRef("pi-" + launch, launch), null);
              return true;
            } catch (Refusal.Conflict refused) {
              return false;
            }
          };
          moves.add(pool.submit(move));
        }
        int succeeded = 0;
        for (Future<Boolean> move : moves) {
          succeeded += move.get() ? 1 : 0;
        }
        assertThat(succeeded).as("round %s", round).isOne();
        assertThat(transitions(service)).as("registered + one move").isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAlertOnALaunchingServiceIsRaisedOnePriorityLevel() {
    String launching = service("planned", 2);
    as("admin").put("/api/services/" + launching + "/lifecycle", "{\"state\":\"launching\",\"reason\":\"hypercare\"}");
    String live = service("live", 2);

    // tier 2 (impact medium) and severity warning (urgency medium): P3 by the matrix
    String raised = openedByAlert(launching, "warning");
    String kept = openedByAlert(live, "warning");

    assertThat(as("olivia").get("/api/incidents/" + raised).json().path("priority").asText()).isEqualTo("P2");
    assertThat(as("olivia").get("/api/incidents/" + kept).json().path("priority").asText()).isEqualTo("P3");
  }

  @Test
  void aRetiredServiceTakesNoChangeAndItsAlertsAreIgnored() {
    String service = retired();
    long changes = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM change_request");
    long incidents = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM incident");

    Response change = api().bearer("demo-ci-token").post("/api/changes", "{\"service\":\"" + service
        + "\",\"version\":\"9.9\",\"title\":\"After shutdown\",\"changeType\":\"normal\",\"tests\":\"passed\","
        + "\"hasDbMigration\":false}");
    Response alert = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", alert(service, "critical",
        "retired" + Fixtures.uniqueSuffix()));
    Response dedupReport = api().bearer("demo-alert-token").post("/api/incidents", "{\"service\":\"" + service
        + "\",\"title\":\"Down\",\"impact\":\"high\",\"urgency\":\"high\",\"dedupKey\":\"retired"
        + Fixtures.uniqueSuffix() + "\"}");

    assertThat(change.status()).as(change.toString()).isEqualTo(409);
    assertThat(change.header("Content-Type")).startsWith("application/problem+json");
    assertThat(change.json().path("detail").asText()).contains("retired").contains(service);
    assertThat(alert.status()).as(alert.toString()).isEqualTo(202);
    assertThat(alert.json().path("opened").size()).isZero();
    assertThat(alert.json().path("ignored").get(0).path("reason").asText()).isEqualTo("service retired");
    assertThat(dedupReport.status()).as(dedupReport.toString()).isEqualTo(409);
    assertThat(dedupReport.json().path("detail").asText()).contains("service retired");
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM change_request")).isEqualTo(changes);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM incident")).isEqualTo(incidents);
  }

  @Test
  void aDeprecatedServiceStillTakesChangesAndAlerts() {
    String service = service("live");
    lifecycle.move(service, LifecycleState.LIVE, LifecycleState.DEPRECATED, "mia", null, "notice");

    Response change = api().bearer("demo-ci-token").post("/api/changes", "{\"service\":\"" + service
        + "\",\"version\":\"shutdown\",\"title\":\"Shutdown\",\"changeType\":\"normal\",\"tests\":\"passed\","
        + "\"hasDbMigration\":false}");
    Response alert = api().bearer("demo-alert-token").post("/api/alerts/alertmanager", alert(service, "critical",
        "deprecated" + Fixtures.uniqueSuffix()));

    assertThat(change.status()).as(change.toString()).isEqualTo(201);
    assertThat(alert.json().path("opened").size()).isOne();
  }

  private String retired() {
    String service = service("live");
    lifecycle.move(service, LifecycleState.LIVE, LifecycleState.DEPRECATED, "mia", null, "notice");
    lifecycle.move(service, LifecycleState.DEPRECATED, LifecycleState.RETIRED, "mia", null, "shut down");
    return service;
  }

  private String openedByAlert(String service, String severity) {
    Response response = api().bearer("demo-alert-token").post("/api/alerts/alertmanager",
        alert(service, severity, "lc" + Fixtures.uniqueSuffix()));
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
    return response.json().path("opened").get(0).asText();
  }

  private static String alert(String service, String severity, String fingerprint) {
    return "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":"
        + "\"HighLatency\",\"service\":\"" + service + "\",\"severity\":\"" + severity + "\"},\"fingerprint\":\""
        + fingerprint + "\"}]}";
  }

  private String service(String state) {
    return service(state, 3);
  }

  private String service(String state, int tier) {
    String key = "lc" + Fixtures.uniqueSuffix();
    Response created = as("mia").post("/api/services", "{\"key\":\"" + key + "\",\"name\":\"Lifecycle\",\"tier\":"
        + tier + ",\"devGroup\":\"dev\",\"lifecycle\":\"" + state + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return key;
  }

  private static long transitions(String service) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM catalog_lifecycle_transition WHERE service_key = '"
        + service + "'");
  }
}
