package io.opsflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

class FeedbackApiIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNDARY = "feedback-boundary-42";

  @Autowired
  DataSource dataSource;

  private Api desk() {
    return api().bearer("demo-feedback-token");
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> item(String service, String channel, String externalId, String text) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("service", service);
    item.put("channel", channel);
    item.put("externalId", externalId);
    item.put("text", text);
    return item;
  }

  private long rows(String sql, Object... args) {
    return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, args);
  }

  @Test
  void aBatchIsAnsweredInOrderWithLanguageSentimentAndScore() {
    String id = Fixtures.uniqueSuffix();
    Map<String, Object> angry = item("payments-api", "app-store", "a" + id, "付款一直失败，太失望了");
    angry.put("rating", 1);
    angry.put("version", "2.4.1");
    Response response = desk().post("/api/feedback", json(List.of(angry,
        item("payments-api", "in-app", "b" + id, "I love the new checkout, so fast!"),
        item("web-portal", "support", "c" + id, "支付页面 keeps crashing 每次都这样"))));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode items = response.json();
    assertThat(items.findValuesAsText("externalId")).containsExactly("a" + id, "b" + id, "c" + id);
    assertThat(items.findValuesAsText("language")).containsExactly("zh", "en", "mixed");
    assertThat(items.findValuesAsText("sentiment")).containsExactly("negative", "positive", "negative");
    assertThat(items.get(0).path("score").asDouble()).isBetween(-1.0, -0.05);
    assertThat(items.findValuesAsText("repeat")).containsOnly("false");

    Response single = as("olivia").post("/api/feedback", json(item("reporting", "other", "d" + id, "Works fine")));
    assertThat(single.status()).as(single.toString()).isEqualTo(201);
    assertThat(single.json().get(0).path("sentiment").asText()).isEqualTo("positive");
  }

  @Test
  void aBatchWithBadItemsWritesNothingAndNamesTheirIndexes() {
    String id = Fixtures.uniqueSuffix();
    Map<String, Object> badRating = item("payments-api", "support", "r" + id, "还行");
    badRating.put("rating", 9);
    List<Object> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(item("payments-api", "survey", "ok" + i + id, "第" + i + "条，还不错"));
    }
    batch.set(3, badRating);
    batch.set(500, item("no-such-service", "support", "s" + id, "hello"));
    batch.set(998, item("payments-api", "support", "t" + id, "  "));
    batch.set(999, Map.of("service", "payments-api", "channel", "fax", "externalId", "u" + id, "text", "hi"));
    long before = rows("SELECT COUNT(*) FROM feedback");

    Response response = desk().post("/api/feedback", json(batch));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("indexes").toString()).isEqualTo("[3,500,998,999]");
    assertThat(response.json().path("detail").asText()).contains("item 3: rating", "item 500: service",
        "item 998: text", "item 999: channel");
    assertThat(rows("SELECT COUNT(*) FROM feedback")).isEqualTo(before);

    batch.set(3, item("payments-api", "survey", "fixed3" + id, "好"));
    batch.set(500, item("payments-api", "survey", "fixed500" + id, "好"));
    batch.set(998, item("payments-api", "survey", "fixed998" + id, "好"));
    batch.set(999, item("payments-api", "survey", "fixed999" + id, "好"));
    Response fixed = desk().post("/api/feedback", json(batch));
    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
    assertThat(fixed.json().size()).isEqualTo(1000);
    assertThat(rows("SELECT COUNT(*) FROM feedback")).isEqualTo(before + 1000);
    assertThat(desk().post("/api/feedback", json(java.util.Collections.nCopies(1001, batch.get(0)))).status())
        .isEqualTo(400);
  }

  @Test
  void aRepeatIsRecordedOnceAlsoWhenSentAtTheSameMoment() throws Exception {
    String id = "same" + Fixtures.uniqueSuffix();
    String body = json(item("payments-api", "app-store", id, "登录不了"));
    Response first = desk().post("/api/feedback", body);
    Response again = desk().post("/api/feedback", json(List.of(item("payments-api", "app-store", id, "other text"),
        item("payments-api", "in-app", id, "another channel is another item"))));

    assertThat(again.json().get(0).path("repeat").asBoolean()).isTrue();
    assertThat(again.json().get(0).path("id").asLong()).isEqualTo(first.json().get(0).path("id").asLong());
    assertThat(again.json().get(0).path("sentiment").asText()).isEqualTo("negative");
    assertThat(again.json().get(1).path("repeat").asBoolean()).isFalse();

    String racing = "race" + Fixtures.uniqueSuffix();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Callable<Response> post = () -> desk().post("/api/feedback", json(item("payments-api", "social", racing,
            "同时 " + racing)));
        answers.add(pool.submit(post));
      }
      List<JsonNode> recorded = new ArrayList<>();
      for (Future<Response> answer : answers) {
        assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
        recorded.add(answer.get().json().get(0));
      }
      assertThat(recorded.stream().filter(item -> !item.path("repeat").asBoolean())).hasSize(1);
      assertThat(recorded.stream().map(item -> item.path("id").asLong()).distinct()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows("SELECT COUNT(*) FROM feedback WHERE external_id = ?", racing)).isEqualTo(1);
  }

  @Test
  void theLongestTextWithEmojiIsStoredWholeMaskedAndTheUserOnlyAsAKeyedHash() throws Exception {
    String id = "long" + Fixtures.uniqueSuffix();
    String text = "支付失败😡 call 13800138000 or li.lei@example.com " + "好用🚀".repeat(3300);
    int codePoints = text.codePointCount(0, text.length());
    String longest = text + "字".repeat(10_000 - codePoints);
    Map<String, Object> item = item("payments-api", "support", id, longest);
    item.put("userRef", "user-13800138000");

    Response response = desk().post("/api/feedback", json(item));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode stored = as("olivia").get("/api/feedback?q=" + id.substring(4) + "&size=5").json();
    JsonNode found = as("olivia").get("/api/feedback?service=payments-api&channel=support&size=200").json();
    JsonNode match = null;
    for (JsonNode candidate : found.path("items")) {
      match = candidate.path("externalId").asText().equals(id) ? candidate : match;
    }
    assertThat(stored.path("total").asLong()).isZero(); // the id is not in the text
    assertThat(match).isNotNull();
    String expected = longest.replace("13800138000", "[phone]").replace("li.lei@example.com", "[email]");
    assertThat(match.path("text").asText()).isEqualTo(expected);
    assertThat(match.has("userRef")).isFalse();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(FEEDBACK_HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hash = HexFormat.of().formatHex(mac.doFinal("user-13800138000".getBytes(StandardCharsets.UTF_8)));
    assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT user_hash FROM feedback WHERE external_id = ?",
        String.class, id)).isEqualTo(hash);
    assertThat(rows("SELECT COUNT(*) FROM feedback WHERE body LIKE '%13800138000%'")).isZero();

    Response tooLong = desk().post("/api/feedback", json(item("payments-api", "support", "x" + id, longest + "字")));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("detail").asText()).contains("longer than 10000 characters");
  }

  @Test
  void aBodyOverTheLimitIsRefused() {
    String huge = json(item("payments-api", "support", "huge", "x".repeat(9_000_000)));
    Response response = desk().post("/api/feedback", huge);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aCsvImportRecordsTheGoodRowsAndReportsTheBadOnes() {
    String id = Fixtures.uniqueSuffix();
    String csv = "service,channel,externalId,text,rating,occurredAt,version,country\n"
        + "payments-api,app-store,c1" + id + ",\"闪退, 付款失败\",1,2026-11-20T10:00:00+08:00,2.4.1,CN\n"
        + "payments-api,app-store,c2" + id + ",Great app,9,,2.4.1,US\n"
        + "nope,app-store,c3" + id + ",Fine,5,,,US\n"
        + "payments-api,app-store,c4" + id + ",Smooth 👍,5,,2.4.2,US\n"
        + "payments-api,app-store,c1" + id + ",repeat of row 2,1,,,CN\n";
    long before = rows("SELECT COUNT(*) FROM feedback");

    Response response = upload(desk(), csv);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.path("rows").asInt()).isEqualTo(5);
    assertThat(report.path("recorded").findValuesAsText("externalId")).containsExactly("c1" + id, "c4" + id, "c1" + id);
    assertThat(report.path("recorded").findValuesAsText("repeat")).containsExactly("false", "false", "true");
    assertThat(report.path("refused").findValuesAsText("row")).containsExactly("3", "4");
    assertThat(report.path("refused").get(0).path("errors").get(0).asText()).contains("rating");
    assertThat(rows("SELECT COUNT(*) FROM feedback")).isEqualTo(before + 2);

    Response missingColumn = upload(desk(), "service,channel,text\npayments-api,support,hello\n");
    assertThat(missingColumn.status()).isEqualTo(400);
    assertThat(missingColumn.json().path("detail").asText()).contains("externalId");
    assertThat(rows("SELECT COUNT(*) FROM feedback")).isEqualTo(before + 2);
  }

  @Test
  void insightsGiveVolumeScoreNegativeShareRatingAndComplaintTermsPerGroup() {
    String service = "fb" + Fixtures.uniqueSuffix();
    Response created = as("mia").post("/api/services", json(Map.of("key", service, "name", "Feedback insights",
        "tier", 2, "devGroup", "dev")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    List<Object> batch = new ArrayList<>();
    String[][] reviews = {
        {"2026-11-01T08:00:00Z", "1.0", "1", "支付失败，客服也不理人，太失望了"},
        {"2026-11-01T09:00:00Z", "1.0", "2", "支付一直失败，退款也很慢"},
        {"2026-11-02T08:00:00Z", "1.1", "5", "新版本很好用，支付很方便"},
        {"2026-11-02T09:00:00Z", "1.1", null, "The payment page crashes on login"}};
    for (int i = 0; i < reviews.length; i++) {
      Map<String, Object> item = item(service, i < 2 ? "app-store" : "in-app", service + "-" + i, reviews[i][3]);
      item.put("occurredAt", reviews[i][0]);
      item.put("version", reviews[i][1]);
      if (reviews[i][2] != null) {
        item.put("rating", Integer.valueOf(reviews[i][2]));
      }
      batch.add(item);
    }
    assertThat(desk().post("/api/feedback", json(batch)).status()).isEqualTo(201);

    JsonNode byDay = as("olivia").get("/api/feedback/insights?service=" + service
        + "&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&groupBy=day").json();
    assertThat(byDay.path("total").path("volume").asLong()).isEqualTo(4);
    assertThat(byDay.path("total").path("negativeShare").asDouble()).isEqualTo(0.75);
    assertThat(byDay.path("total").path("averageRating").asDouble()).isEqualTo(2.667);
    assertThat(byDay.path("total").path("topComplaints").get(0).path("term").asText()).isEqualTo("支付");
    assertThat(byDay.path("total").path("topComplaints").get(0).path("count").asLong()).isEqualTo(2);
    assertThat(byDay.path("groups").findValuesAsText("key")).containsExactly("2026-11-01", "2026-11-02");
    assertThat(byDay.path("groups").get(0).path("negativeShare").asDouble()).isEqualTo(1.0);
    assertThat(byDay.path("groups").get(1).path("topComplaints").findValuesAsText("term")).contains("payment");

    JsonNode byVersion = as("olivia").get("/api/feedback/insights?service=" + service
        + "&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&groupBy=version").json();
    assertThat(byVersion.path("groups").findValuesAsText("key")).containsExactly("1.0", "1.1");
    assertThat(byVersion.path("groups").get(1).path("averageScore").asDouble()).isGreaterThan(
        byVersion.path("groups").get(0).path("averageScore").asDouble());
    JsonNode byChannel = as("olivia").get("/api/feedback/insights?service=" + service
        + "&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&groupBy=channel").json();
    assertThat(byChannel.path("groups").findValuesAsText("key")).containsExactly("app-store", "in-app");

    JsonNode negative = as("olivia").get("/api/feedback?service=" + service + "&sentiment=negative&size=2").json();
    assertThat(negative.path("total").asLong()).isEqualTo(3);
    assertThat(negative.path("items")).hasSize(2);
    assertThat(negative.path("items").get(0).path("occurredAt").asText()).isEqualTo("2026-11-02T09:00:00Z");

    assertThat(desk().get("/api/feedback/insights?service=" + service).status()).isEqualTo(403);
    assertThat(as("olivia").get("/api/feedback/insights?service=" + service + "&groupBy=week").status()).isEqualTo(400);
  }

  private Response upload(Api caller, String csv) {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reviews.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
    return caller.send("POST", "/api/feedback/import", "multipart/form-data; boundary=" + BOUNDARY,
        body.getBytes(StandardCharsets.UTF_8));
  }
}
