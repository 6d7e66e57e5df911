package io.opsflow.feedback.spike;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.Level;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.RecordingChannel;

/** The spike detector against the real database, with the engine clock (and so OpsFlow's) held still. */
class SpikeDetectorIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private static final String[] ANGRY = {
      "支付失败，客服也不理人，太失望了",
      "The payment page crashes every time, terrible app, waste of money",
      "支付一直失败，退款也很慢，非常生气",
      "Terrible update, the app crashes on login and support is useless",
      "更新以后闪退，支付失败，太差了😡"};

  @Autowired
  SpikeDetector detector;
  @Autowired
  Incidents incidents;
  @Autowired
  RecordingChannel recorded;
  @Autowired
  DataSource dataSource;

  @Test
  void aBurstOverTheBaselineOpensOneIncidentWithSamplesAndTermsAndTheNextRunOpensNoOther() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    String service = service(1);
    List<Object> items = new ArrayList<>();
    for (int day = 0; day < 7; day++) {
      for (int i = 0; i < 4; i++) {
        items.add(item(service, "base-" + day + "-" + i, ANGRY[(day + i) % ANGRY.length],
            NOW.minus(Duration.ofHours(2 + day * 24L + i * 5L))));
      }
      items.add(item(service, "happy-" + day, "支付很方便，新版本很好用", NOW.minus(Duration.ofHours(3 + day * 24L))));
    }
    for (int i = 0; i < 6; i++) {
      items.add(item(service, "burst-" + i, ANGRY[i % ANGRY.length], NOW.minus(Duration.ofMinutes(5 + i * 8L))));
    }
    post(items, 28 + 6);

    SpikeDetector.SpikeCheck first = detector.check(service);

    assertThat(first.negativeCount()).isEqualTo(6);
    assertThat(first.baselineHourly()).isEqualTo(28 / 168.0);
    assertThat(first.spike()).isTrue();
    assertThat(first.reason()).contains("3 times");
    assertThat(first.incidentKey()).isNotNull();
    Incident incident = incidents.find(first.incidentKey()).orElseThrow();
    assertThat(incident.source()).isEqualTo(IncidentSource.FEEDBACK);
    assertThat(incident.serviceKey()).isEqualTo(service);
    assertThat(incident.title()).isEqualTo("Negative feedback spike on " + service);
    assertThat(incident.impact()).isEqualTo(Level.HIGH);
    assertThat(incident.urgency()).isEqualTo(Level.HIGH);
    assertThat(incident.description()).contains("6 negative feedback items on " + service, "Top complaint terms: ",
        "支付", "Sample items", "The payment page crashes every time", "太差了😡",
        "GET /api/feedback?service=" + service + "&sentiment=negative");
    assertThat(incident.description().lines().filter(line -> line.startsWith("- #")).count()).isEqualTo(5);
    assertThat(incident.description()).doesNotContain("base-");
    assertThat(recorded.about(incident.incidentKey())).anySatisfy(notice ->
        assertThat(notice.subject()).contains("Feedback spike", service));
    assertThat(rows("SELECT COUNT(*) FROM incident_open_fingerprint WHERE fingerprint = ?",
        "feedback-spike:" + service)).isEqualTo(1);

    String key = incident.incidentKey();
    JsonNode linked = as("devon").get("/api/feedback?incident=" + key).json();
    assertThat(linked.path("total").asLong()).isEqualTo(6);
    assertThat(linked.path("items")).allSatisfy(item -> {
      assertThat(item.path("externalId").asText()).startsWith(service + "-burst-");
      assertThat(item.path("sentiment").asText()).isEqualTo("negative");
    });
    assertThat(rows("SELECT COUNT(*) FROM incident_timeline WHERE incident_key = ? AND kind = 'feedback'"
        + " AND message LIKE ?", key, "6 negative feedback items linked%GET /api/feedback?incident=" + key))
        .isEqualTo(1);

    // the burst goes on: the next check opens nothing new, and links the new items to the open incident
    post(List.of(item(service, "later-0", ANGRY[0], NOW.plus(Duration.ofMinutes(2))),
        item(service, "later-1", ANGRY[1], NOW.plus(Duration.ofMinutes(3)))), 2);
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
    SpikeDetector.SpikeCheck second = detector.check(service);

    assertThat(second.spike()).isTrue();
    assertThat(second.incidentKey()).isNull();
    assertThat(rows("SELECT COUNT(*) FROM incident WHERE service_key = ? AND source = 'feedback'", service))
        .isEqualTo(1);
    JsonNode grown = as("devon").get("/api/feedback?incident=" + key + "&size=3").json();
    assertThat(grown.path("total").asLong()).isEqualTo(8);
    assertThat(grown.path("items")).hasSize(3);
    assertThat(grown.path("items").get(0).path("externalId").asText()).isEqualTo(service + "-later-1");
    assertThat(rows("SELECT COUNT(*) FROM feedback_incident WHERE incident_key = ?", key)).isEqualTo(8);
    assertThat(as("devon").get("/api/feedback?incident=" + key + "&service=" + service).status()).isEqualTo(400);
    assertThat(as("devon").get("/api/feedback?incident=INC-1999-0001").status()).isEqualTo(404);
  }

  @Test
  void fewerNegativesThanTheMinimumOpenNothingEvenWithoutABaseline() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    String service = service(2);
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      items.add(item(service, "few-" + i, ANGRY[i], NOW.minus(Duration.ofMinutes(10 + i))));
    }
    post(items, 4);

    SpikeDetector.SpikeCheck check = detector.check(service);

    assertThat(check.negativeCount()).isEqualTo(4);
    assertThat(check.spike()).isFalse();
    assertThat(check.reason()).contains("fewer than 5");
    assertThat(check.incidentKey()).isNull();
    assertThat(rows("SELECT COUNT(*) FROM incident WHERE service_key = ?", service)).isZero();
  }

  @Test
  void theBurstLeavesTheWindowAfterAnHourAndABaselineOfTheSameSizeIsNoSpike() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    String service = service(3);
    List<Object> items = new ArrayList<>();
    // 3 negatives an hour for the whole week before: 6 now is twice the usual, not three times
    for (int hour = 0; hour < 168; hour++) {
      for (int i = 0; i < 3; i++) {
        items.add(item(service, "steady-" + hour + "-" + i, ANGRY[(hour + i) % ANGRY.length],
            NOW.minus(Duration.ofHours(1 + hour)).minus(Duration.ofMinutes(10 + i * 15L))));
      }
    }
    for (int i = 0; i < 6; i++) {
      items.add(item(service, "now-" + i, ANGRY[i % ANGRY.length], NOW.minus(Duration.ofMinutes(5 + i))));
    }
    post(items, items.size());

    SpikeDetector.SpikeCheck check = detector.check(service);

    assertThat(check.negativeCount()).isEqualTo(6);
    assertThat(check.baselineHourly()).isEqualTo(3.0);
    assertThat(check.spike()).as("%s", check).isFalse();
    assertThat(check.reason()).contains("usual");
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(2))));
    assertThat(detector.check(service).negativeCount()).isZero();
    assertThat(rows("SELECT COUNT(*) FROM incident WHERE service_key = ?", service)).isZero();
  }

  @Test
  void theScheduledRunChecksEveryServiceAndOpensOnlyWhereItSpikes() {
    Instant now = NOW.plus(Duration.ofDays(1));
    ClockUtil.setCurrentTime(Date.from(now));
    String spiking = service(3);
    String quiet = service(3);
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(item(spiking, "run-" + i, ANGRY[i], now.minus(Duration.ofMinutes(1 + i))));
    }
    items.add(item(quiet, "run-0", ANGRY[0], now.minus(Duration.ofMinutes(1))));
    post(items, 6);

    List<SpikeDetector.SpikeCheck> checks = detector.runOnce();

    assertThat(checks).extracting(SpikeDetector.SpikeCheck::service).contains(spiking, quiet, "payments-api");
    SpikeDetector.SpikeCheck opened = checks.stream().filter(check -> check.service().equals(spiking)).findFirst()
        .orElseThrow();
    assertThat(opened.reason()).contains("almost none");
    assertThat(incidents.find(opened.incidentKey()).orElseThrow().impact()).isEqualTo(Level.LOW);
    assertThat(checks).filteredOn(check -> check.service().equals(quiet)).singleElement()
        .satisfies(check -> assertThat(check.spike()).isFalse());
  }

  private String service(int tier) {
    String service = "spike" + Fixtures.uniqueSuffix();
    Response created = as("mia").post("/api/services", json(Map.of("key", service, "name", "Spike " + service,
        "tier", tier, "devGroup", "dev")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return service;
  }

  /** Posts the items and checks that the expected number of them was read as negative. */
  private void post(List<Object> items, int negatives) {
    Response response = api().bearer("demo-feedback-token").post("/api/feedback", json(items));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode answer = response.json();
    List<String> notNegative = new ArrayList<>();
    long negative = 0;
    for (JsonNode item : answer) {
      if ("negative".equals(item.path("sentiment").asText())) {
        negative++;
      } else {
        notNegative.add(item.path("externalId").asText() + " " + item.path("sentiment").asText());
      }
    }
    assertThat(negative).as("read as not negative: %s", notNegative).isEqualTo(negatives);
  }

  private static Map<String, Object> item(String service, String externalId, String text, Instant occurredAt) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("service", service);
    item.put("channel", "app-store");
    item.put("externalId", service + "-" + externalId);
    item.put("text", text);
    item.put("rating", 1);
    item.put("occurredAt", occurredAt.toString());
    return item;
  }

  private long rows(String sql, Object... args) {
    return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, args);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
