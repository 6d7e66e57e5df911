package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

class ServiceCatalogApiIT extends IntegrationTest {

  @Test
  void demoCatalogListsTheThreeServicesWithTheirDependencies() {
    JsonNode services = as("olivia").get("/api/services").json();

    JsonNode portal = as("devon").get("/api/services/web-portal").json();
    JsonNode payments = as("quinn").get("/api/services/payments-api").json();

    assertThat(services.findValuesAsText("key")).contains("payments-api", "web-portal", "reporting");
    assertThat(portal.path("tier").asInt()).isEqualTo(2);
    assertThat(portal.path("dependsOn").toString()).isEqualTo("[\"payments-api\"]");
    assertThat(payments.path("tier").asInt()).isEqualTo(1);
    assertThat(payments.path("onCallGroup").asText()).isEqualTo("ops");
    assertThat(payments.path("dependents").toString()).contains("web-portal");
    assertThat(services.findValues("lifecycle")).as("demo services run").allSatisfy(lifecycle ->
        assertThat(lifecycle.path("state").asText()).isEqualTo("live"));
    assertThat(payments.path("lifecycle").path("history").get(0).path("to").asText()).isEqualTo("live");
  }

  @Test
  void aServiceCreatedThroughTheApiIsPlannedUnlessRegisteredAsLive() {
    Response planned = as("mia").post("/api/services", """
        {"key":"lc-new","name":"New","tier":3,"devGroup":"dev"}""");
    Response running = as("mia").post("/api/services", """
        {"key":"lc-running","name":"Running","tier":3,"devGroup":"dev","lifecycle":"live"}""");

    assertThat(planned.json().path("lifecycle").path("state").asText()).isEqualTo("planned");
    JsonNode read = as("olivia").get("/api/services/lc-running").json().path("lifecycle");
    assertThat(read.path("state").asText()).isEqualTo("live");
    assertThat(read.path("history").size()).isOne();
    assertThat(read.path("history").get(0).path("from").isMissingNode()).as("registered, from nothing").isTrue();
    assertThat(read.path("history").get(0).path("actor").asText()).isEqualTo("mia");
    assertThat(running.status()).isEqualTo(201);
  }

  @Test
  void aChangeOfTheServiceCannotMoveItsLifecycle() {
    as("mia").post("/api/services", """
        {"key":"lc-put","name":"Put","tier":3,"devGroup":"dev"}""");

    Response moved = as("mia").put("/api/services/lc-put", """
        {"name":"Put","tier":3,"devGroup":"dev","lifecycle":"live"}""");
    Response same = as("mia").put("/api/services/lc-put", """
        {"name":"Put again","tier":3,"devGroup":"dev","lifecycle":"planned"}""");

    assertThat(moved.status()).as(moved.toString()).isEqualTo(409);
    assertThat(moved.json().path("detail").asText()).contains("/api/services/lc-put/lifecycle");
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().path("lifecycle").path("state").asText()).isEqualTo("planned");
  }

  @Test
  void managerCreatesAServiceThatEveryoneCanRead() {
    Response created = as("mia").post("/api/services", """
        {"key":"search-api","name":"Search API","tier":2,"devGroup":"dev","dependsOn":["payments-api"]}""");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/services/search-api");
    assertThat(created.json().path("onCallGroup").asText()).as("on-call defaults to ops").isEqualTo("ops");
    JsonNode read = as("olivia").get("/api/services/search-api").json();
    assertThat(read.path("name").asText()).isEqualTo("Search API");
    assertThat(read.path("dependsOn").toString()).isEqualTo("[\"payments-api\"]");
    assertThat(rows("catalog_service WHERE service_key = 'search-api'")).isOne();
  }

  @Test
  void updateReplacesFieldsAndDependencies() {
    as("mia").post("/api/services", """
        {"key":"mail-relay","name":"Mail relay","tier":3,"devGroup":"dev","dependsOn":["reporting"]}""");

    Response updated = as("admin").put("/api/services/mail-relay", """
        {"name":"Mail relay (SMTP)","tier":2,"devGroup":"dev","onCallGroup":"dev","dependsOn":["payments-api"]}""");

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode read = as("olivia").get("/api/services/mail-relay").json();
    assertThat(read.path("name").asText()).isEqualTo("Mail relay (SMTP)");
    assertThat(read.path("tier").asInt()).isEqualTo(2);
    assertThat(read.path("onCallGroup").asText()).isEqualTo("dev");
    assertThat(read.path("dependsOn").toString()).isEqualTo("[\"payments-api\"]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      tier of 7                 | {"key":"bad-1","name":"X","tier":7,"devGroup":"dev"}                         | tier must be 1 (most critical), 2 or 3
      tier as text              | {"key":"bad-2","name":"X","tier":"2","devGroup":"dev"}                       | Field 'tier' must be a number
      tier as fraction          | {"key":"bad-3","name":"X","tier":1.5,"devGroup":"dev"}                       | tier
      missing name              | {"key":"bad-4","tier":2,"devGroup":"dev"}                                    | name must not be blank
      missing key               | {"name":"X","tier":2,"devGroup":"dev"}                                       | key must not be blank
      upper-case key            | {"key":"Bad-5","name":"X","tier":2,"devGroup":"dev"}                         | key must be 1-64 lower-case
      unknown field             | {"key":"bad-6","name":"X","tier":2,"devGroup":"dev","owner":"me"}            | Unknown field 'owner'
      unknown group             | {"key":"bad-7","name":"X","tier":2,"devGroup":"nobody"}                      | devGroup 'nobody' is not a group
      unknown on-call group     | {"key":"bad-8","name":"X","tier":2,"devGroup":"dev","onCallGroup":"night"}   | onCallGroup 'night' is not a group
      unknown dependency        | {"key":"bad-9","name":"X","tier":2,"devGroup":"dev","dependsOn":["ghost"]}   | ghost
      self dependency           | {"key":"bad-10","name":"X","tier":2,"devGroup":"dev","dependsOn":["bad-10"]} | cannot depend on itself
      dependsOn not a list      | {"key":"bad-11","name":"X","tier":2,"devGroup":"dev","dependsOn":"reporting"} | dependsOn
      malformed JSON            | {"key":"bad-12","name":                                                      | not valid JSON
      registered as retired     | {"key":"bad-13","name":"X","tier":2,"devGroup":"dev","lifecycle":"retired"}  | lifecycle must be planned
      """)
  void badInputIsRefusedWithAProblemAndWritesNothing(String name, String body, String message) {
    long before = rows("catalog_service");

    Response response = as("mia").post("/api/services", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(rows("catalog_service")).isEqualTo(before);
  }

  @Test
  void duplicateKeyIsAConflict() {
    Response response = as("mia").post("/api/services", """
        {"key":"payments-api","name":"Again","tier":1,"devGroup":"dev"}""");

    assertThat(response.status()).isEqualTo(409);
    assertThat(as("olivia").get("/api/services/payments-api").json().path("name").asText()).isEqualTo("Payments API");
  }

  @Test
  void dependencyCycleIsRefusedAndTheOldDependenciesStay() {
    as("mia").post("/api/services", """
        {"key":"cycle-a","name":"A","tier":3,"devGroup":"dev"}""");
    as("mia").post("/api/services", """
        {"key":"cycle-b","name":"B","tier":3,"devGroup":"dev","dependsOn":["cycle-a"]}""");
    as("mia").post("/api/services", """
        {"key":"cycle-c","name":"C","tier":3,"devGroup":"dev","dependsOn":["cycle-b"]}""");

    Response response = as("mia").put("/api/services/cycle-a", """
        {"name":"A","tier":3,"devGroup":"dev","dependsOn":["cycle-c"]}""");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains("cycle");
    assertThat(as("mia").get("/api/services/cycle-a").json().path("dependsOn").size()).isZero();
  }

  @Test
  void keyInBodyMustMatchThePath() {
    Response response = as("mia").put("/api/services/reporting", """
        {"key":"other","name":"Reporting","tier":3,"devGroup":"dev"}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains("cannot be changed");
  }

  @Test
  void unknownServiceIsNotFound() {
    Response get = as("olivia").get("/api/services/nothing-here");
    Response put = as("mia").put("/api/services/nothing-here", """
        {"name":"X","tier":3,"devGroup":"dev"}""");

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.header("Content-Type")).startsWith("application/problem+json");
    assertThat(put.status()).isEqualTo(404);
    assertThat(rows("catalog_service WHERE service_key = 'nothing-here'")).isZero();
  }

  private static long rows(String tableAndCondition) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM " + tableAndCondition);
  }
}
