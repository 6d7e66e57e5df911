package io.opsflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * Usage facts: daily aggregates recorded by analytics jobs (and people), replaced on repeat, refused
 * whole when anything is wrong; and the report per feature with its trend, share and flags.
 */
class UsageApiIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEARCH = "搜索 🔍";
  private static final String ORDER = "下单";
  private static final String EXPORT = "导出 📤";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  /** The release's day: its windows (7 days either side) lie in the past. */
  private static final LocalDate RELEASE_DAY = TODAY.minusDays(15);

  @Test
  void aReleaseAfterWhichAFeatureFellAndARarelyUsedFeatureAreFlagged() {
    String service = service();
    String change = releasedOn(service, RELEASE_DAY);
    List<Map<String, Object>> days = new ArrayList<>();
    for (int offset = -7; offset <= 7; offset++) {
      boolean after = offset > 0;
      days.add(day(service, RELEASE_DAY.plusDays(offset), 1000,
          feature(SEARCH, 500, after ? 500 : 1000, 40),
          feature(ORDER, 300, 600, 90),
          feature(EXPORT, 10, 10, null)));
    }

    Response recorded = analytics().post("/api/usage", json(Map.of("days", days)));

    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    assertThat(recorded.json().path("days").asInt()).isEqualTo(15);
    assertThat(recorded.json().path("features").asInt()).isEqualTo(45);
    assertThat(recorded.json().path("replaced").asInt()).isZero();

    JsonNode report = as("devon").get("/api/services/" + service + "/usage?from=" + RELEASE_DAY.minusDays(7)
        + "&to=" + RELEASE_DAY.plusDays(7)).json();

    assertThat(report.path("thresholds").path("dropAfterRelease").asDouble()).isEqualTo(0.3);
    assertThat(report.path("releases").get(0).path("changeKey").asText()).isEqualTo(change);
    assertThat(report.path("activeUsers").size()).isEqualTo(15);
    JsonNode search = feature(report, SEARCH);
    assertThat(search.path("share").asDouble()).isEqualTo(0.5);
    assertThat(search.path("afterReleases").get(0).path("usesBefore").asDouble()).isEqualTo(1000.0);
    assertThat(search.path("afterReleases").get(0).path("usesAfter").asDouble()).isEqualTo(500.0);
    assertThat(search.path("afterReleases").get(0).path("change").asDouble()).isEqualTo(-0.5);
    assertThat(search.path("change").asDouble()).as("the trend, later half against earlier").isNegative();
    assertThat(search.path("trend").size()).isEqualTo(15);
    assertThat(search.path("trend").get(0).path("medianSecondsSpent").asInt()).isEqualTo(40);
    assertThat(texts(search.path("flags"))).containsExactly("fell-after-release");
    JsonNode order = feature(report, ORDER);
    assertThat(order.path("share").asDouble()).isEqualTo(0.3);
    assertThat(order.path("afterReleases").get(0).path("fell").asBoolean()).isFalse();
    assertThat(texts(order.path("flags"))).isEmpty();
    JsonNode export = feature(report, EXPORT);
    assertThat(export.path("share").asDouble()).isEqualTo(0.01);
    assertThat(texts(export.path("flags"))).containsExactly("rarely-used");
    assertThat(report.path("features").get(0).path("feature").asText()).as("most used first").isEqualTo(SEARCH);
    assertThat(TestDatabase.rows(DATABASE, "SELECT feature FROM usage_feature_day WHERE service_key = '" + service
        + "' ORDER BY feature").stream().map(row -> row.get(0)).distinct().toList())
        .as("names stored whole").containsExactlyInAnyOrder(SEARCH, ORDER, EXPORT);
  }

  @Test
  void aRepeatForTheSameServiceFeatureAndDayReplacesTheFigures() {
    String service = service();
    LocalDate day = TODAY.minusDays(2);
    analytics().post("/api/usage", json(Map.of("days", List.of(day(service, day, 100, feature(SEARCH, 50, 80, 30))))));
    long rows = rows(service);

    Response repeat = as("olivia").post("/api/usage", json(Map.of("days", List.of(
        day(service, day, 120, feature(SEARCH, 60, 90, 31), feature(ORDER, 5, 5, null))))));

    assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
    assertThat(repeat.json().path("replaced").asInt()).as("the service day and the search day").isEqualTo(2);
    assertThat(rows(service)).as("one more feature, no second search row").isEqualTo(rows + 1);
    JsonNode search = feature(as("olivia").get("/api/services/" + service + "/usage").json(), SEARCH);
    assertThat(search.path("averageActiveUsers").asDouble()).isEqualTo(60.0);
    assertThat(search.path("share").asDouble()).isEqualTo(0.5);
    assertThat(search.path("trend").get(0).path("recordedBy").isMissingNode()).as("no bookkeeping").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown service          | {"days":[{"service":"ghost","day":"2026-01-01","activeUsers":1,"features":[]}]}                                                    | 'ghost' is not in the catalog
      feature above service    | {"days":[{"service":"%s","day":"2026-01-01","activeUsers":1,"features":[{"feature":"a","activeUsers":2,"uses":2}]}]}          | exceeds the service's activeUsers
      fewer uses than users    | {"days":[{"service":"%s","day":"2026-01-01","activeUsers":9,"features":[{"feature":"a","activeUsers":2,"uses":1}]}]}          | each active user used it at least once
      a day in the future      | {"days":[{"service":"%s","day":"2999-01-01","activeUsers":1,"features":[]}]}                                                  | to today
      no such date             | {"days":[{"service":"%s","day":"2026-02-30","activeUsers":1,"features":[]}]}                                                  | a real date
      a day as a number        | {"days":[{"service":"%s","day":20260101,"activeUsers":1,"features":[]}]}                                                      | day
      a day twice              | {"days":[{"service":"%s","day":"2026-01-01","activeUsers":1,"features":[]},{"service":"%s","day":"2026-01-01","activeUsers":1,"features":[]}]} | already in this batch
      a feature twice          | {"days":[{"service":"%s","day":"2026-01-01","activeUsers":9,"features":[{"feature":"a","activeUsers":1,"uses":1},{"feature":"a ","activeUsers":1,"uses":1}]}]} | appears twice
      negative users           | {"days":[{"service":"%s","day":"2026-01-01","activeUsers":-1,"features":[]}]}                                                 | activeUsers
      a user's own data        | {"days":[{"service":"%s","day":"2026-01-01","activeUsers":1,"features":[],"userId":"u-1"}]}                                   | userId
      no days                  | {"days":[]}                                                                                                                   | days
      """)
  void badFactsAreRefusedWholeWithAProblemAndWriteNothing(String name, String template, String message) {
    String service = service();
    analytics().post("/api/usage", json(Map.of("days", List.of(day(service, TODAY, 5)))));
    long before = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM usage_feature_day")
        + TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM usage_service_day");
    String good = "{\"service\":\"" + service + "\",\"day\":\"" + TODAY + "\",\"activeUsers\":7,\"features\":[]}";
    // a good day first: the batch is refused whole
    String body = template.equals("{\"days\":[]}") ? template
        : template.replace("{\"days\":[", "{\"days\":[" + good + ",").replace("%s", service);

    Response response = analytics().post("/api/usage", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asText()).contains(message);
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM usage_feature_day")
        + TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM usage_service_day")).isEqualTo(before);
    assertThat(as("olivia").get("/api/services/" + service + "/usage").json().path("activeUsers").get(0)
        .path("activeUsers").asLong()).as("the good day of the refused batch was not written").isEqualTo(5);
  }

  @Test
  void aReportNeedsAKnownServiceAndAPeriodOfRealDays() {
    String service = service();

    assertThat(as("olivia").get("/api/services/ghost/usage").status()).isEqualTo(404);
    for (String query : List.of("from=yesterday", "to=2026-02-30", "from=2026-02-01&to=2026-01-01",
        "from=2024-01-01&to=2026-01-01", "from=1999-12-31&to=2000-01-01")) {
      Response response = as("olivia").get("/api/services/" + service + "/usage?" + query);
      assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
      assertThat(response.json().path("detail").asText()).isNotBlank();
    }
    JsonNode empty = as("olivia").get("/api/services/" + service + "/usage").json();
    assertThat(empty.path("to").asText()).isEqualTo(TODAY.toString());
    assertThat(empty.path("from").asText()).isEqualTo(TODAY.minusDays(27).toString());
    assertThat(empty.path("features").size()).isZero();
  }

  // --- helpers

  private Api analytics() {
    return api().bearer("demo-analytics-token");
  }

  private String service() {
    String key = "use" + Fixtures.uniqueSuffix();
    Response created = as("mia").post("/api/services", "{\"key\":\"" + key
        + "\",\"name\":\"Usage\",\"tier\":3,\"devGroup\":\"dev\",\"lifecycle\":\"live\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return key;
  }

  /** A standard change of a tier-3 service passes its gate at once; its deployment is reported on that day. */
  private String releasedOn(String service, LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    try {
      Response created = api().bearer("demo-ci-token").post("/api/changes", """
          {"service":"%s","version":"2.0","title":"Release 2.0","changeType":"standard","tests":"passed",
           "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(service));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String key = created.json().path("changeKey").asText();
      Response deployed = api().bearer("demo-ci-token").post("/api/changes/" + key + "/deployment",
          "{\"status\":\"succeeded\"}");
      assertThat(deployed.status()).as(deployed.toString()).isBetween(200, 299);
      return key;
    } finally {
      ClockUtil.reset();
    }
  }

  private static Map<String, Object> day(String service, LocalDate day, long activeUsers, Map<?, ?>... features) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("service", service);
    entry.put("day", day.toString());
    entry.put("activeUsers", activeUsers);
    entry.put("features", List.of(features));
    return entry;
  }

  private static Map<String, Object> feature(String name, long activeUsers, long uses, Integer medianSeconds) {
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("feature", name);
    feature.put("activeUsers", activeUsers);
    feature.put("uses", uses);
    if (medianSeconds != null) {
      feature.put("medianSecondsSpent", medianSeconds);
    }
    return feature;
  }

  private static JsonNode feature(JsonNode report, String name) {
    for (JsonNode feature : report.path("features")) {
      if (feature.path("feature").asText().equals(name)) {
        return feature;
      }
    }
    throw new AssertionError("no feature " + name + " in " + report);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static long rows(String service) {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM usage_feature_day WHERE service_key = '" + service + "'");
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
