package io.opsflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * The release comparison in a change's details: the feedback on its version against the version
 * of the service's previous successful change, or else the latest other version users named.
 */
class ReleaseFeedbackIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired
  ServiceCatalog catalog;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aChangeComparesItsVersionWithTheLatestOtherVersionUsersNamed() {
    String service = service();
    postFeedback(service, List.of(
        item(service, "0.9", 20, 5, "新版本很好用，支付很方便", "positive"),
        item(service, "1.0", 10, 5, "新版本很好用，支付很方便", "positive"),
        item(service, "1.0", 9, 4, "I love the new checkout, so fast!", "positive"),
        item(service, "2.0", 2, 1, "支付失败，客服也不理人，太失望了", "negative"),
        item(service, "2.0", 1, 1, "支付一直失败，退款也很慢", "negative"),
        item(service, "2.0", 1, 4, "I love the new checkout, so fast!", "positive")));

    JsonNode feedback = details(change(service, "2.0")).path("feedback");

    assertThat(feedback.path("current").path("version").asText()).isEqualTo("2.0");
    assertThat(feedback.path("current").path("volume").asLong()).isEqualTo(3);
    assertThat(feedback.path("current").path("negativeShare").asDouble()).isEqualTo(0.667);
    assertThat(feedback.path("current").path("averageRating").asDouble()).isEqualTo(2.0);
    assertThat(feedback.path("previous").path("version").asText()).as("the latest other version, not 0.9").isEqualTo("1.0");
    assertThat(feedback.path("previous").path("volume").asLong()).isEqualTo(2);
    assertThat(feedback.path("previous").path("negativeShare").asDouble()).isEqualTo(0.0);
    assertThat(feedback.path("difference").path("volume").asLong()).isEqualTo(1);
    assertThat(feedback.path("difference").path("negativeShare").asDouble()).isEqualTo(0.667);
    assertThat(feedback.path("difference").path("averageRating").asDouble()).isEqualTo(-2.5);
    assertThat(feedback.path("difference").path("averageScore").asDouble())
        .isEqualTo(round(feedback.path("current").path("averageScore").asDouble()
            - feedback.path("previous").path("averageScore").asDouble()))
        .isNegative();
  }

  @Test
  void thePreviousSuccessfulChangeNamesTheVersionToCompareWith() {
    String service = service();
    String earlier = change(service, "0.9");
    ci().post("/api/changes/" + earlier + "/deployment", "{\"status\":\"succeeded\"}");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));
    Job window = processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId(earlier))
        .activityId("Timer_VerificationOver")
        .singleResult();
    processEngine.getManagementService().executeJob(window.getId());
    ClockUtil.reset();
    assertThat(details(earlier).path("outcome").asText()).isEqualTo("succeeded");
    postFeedback(service, List.of(
        item(service, "0.9", 20, 5, "新版本很好用，支付很方便", "positive"),
        item(service, "1.0-rc", 10, 2, "支付一直失败，退款也很慢", "negative"),
        item(service, "2.0", 1, 1, "支付失败，客服也不理人，太失望了", "negative")));

    JsonNode feedback = details(change(service, "2.0")).path("feedback");

    assertThat(feedback.path("previous").path("version").asText()).as("the version that went live before")
        .isEqualTo("0.9");
    assertThat(feedback.path("previous").path("volume").asLong()).isEqualTo(1);
    assertThat(feedback.path("current").path("negativeShare").asDouble()).isEqualTo(1.0);
    assertThat(feedback.path("difference").path("negativeShare").asDouble()).isEqualTo(1.0);
    assertThat(feedback.path("difference").path("averageRating").asDouble()).isEqualTo(-4.0);
  }

  @Test
  void aFirstReleaseHasNothingToCompareWith() {
    String service = service();

    JsonNode feedback = details(change(service, "1.0")).path("feedback");

    assertThat(feedback.path("current").path("volume").asLong()).isZero();
    assertThat(absent(feedback.path("current").path("averageScore"))).isTrue();
    assertThat(absent(feedback.path("previous"))).isTrue();
    assertThat(absent(feedback.path("difference"))).isTrue();
  }

  // --- helpers

  /** A fresh tier-3 service, so a standard change goes through its gate at once. */
  private String service() {
    String key = "fbf" + Fixtures.uniqueSuffix();
    catalog.create(new ServiceDraft(key, "Release feedback test", 3, "dev", "ops", List.of()));
    return key;
  }

  private String change(String service, String version) {
    Response created = ci().post("/api/changes", """
        {"service":"%s","version":"%s","title":"Release %s","changeType":"standard","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(service, version, version));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("changeKey").asText();
  }

  private JsonNode details(String key) {
    Response response = as("olivia").get("/api/changes/" + key);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private io.opsflow.support.Api ci() {
    return api().bearer("demo-ci-token");
  }

  /** Posts the items and checks the analyser labelled them as the test expects. */
  private void postFeedback(String service, List<Map<String, Object>> items) {
    List<String> expected = new ArrayList<>();
    List<Map<String, Object>> body = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Map<String, Object> copy = new LinkedHashMap<>(item);
      expected.add((String) copy.remove("expected"));
      body.add(copy);
    }
    Response response = api().bearer("demo-feedback-token").post("/api/feedback", json(body));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().findValuesAsText("sentiment")).as("the analyser's labels").containsExactlyElementsOf(expected);
  }

  private static Map<String, Object> item(String service, String version, int daysAgo, int rating, String text,
      String expected) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("service", service);
    item.put("version", version);
    item.put("channel", "app-store");
    item.put("externalId", service + "-" + Fixtures.uniqueSuffix());
    item.put("text", text);
    item.put("rating", rating);
    item.put("occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString());
    item.put("expected", expected);
    return item;
  }

  /** Null or left out (the API leaves out null fields or not, as Jackson is set). */
  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
