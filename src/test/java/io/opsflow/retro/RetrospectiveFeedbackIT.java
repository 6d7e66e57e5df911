package io.opsflow.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * A retrospective's facts hear the users: the feedback of its window (volume, sentiment, top
 * complaints, a few items of every channel, negatives and suggestions first) and, for each change,
 * its version's feedback against the previous version's; in the facts, the forms and the report.
 */
class RetrospectiveFeedbackIT extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  /** A long Chinese review (about 3,000 characters): it must reach the facts and the report whole. */
  private static final String LONG_REVIEW = "从上周更新以后，每次打开支付页面都要等很久，" + "我已经连续三天付款失败了，".repeat(200)
      + "客服一直说在处理，但是没有任何结果，真的太失望了。😡";
  private static final String SUGGESTION = "建议增加夜间模式，希望能支持微信支付";

  @Autowired
  ServiceCatalog catalog;

  @Test
  void theFactsTheFormsAndTheReportListTheFeedbackOfTheWindow() throws Exception {
    String service = "fbf" + Fixtures.uniqueSuffix();
    catalog.create(new ServiceDraft(service, "Retrospective feedback test", 3, "dev", "ops", List.of()));
    postFeedback(List.of(
        item(service, "app-store", "1.0", 9, 5, "新版本很好用，支付很方便", "positive"),
        item(service, "app-store", "2.0", 4, 2, "支付一直失败，退款也很慢", "negative"),
        item(service, "app-store", "2.0", 3, 1, "支付失败，客服也不理人，太失望了", "negative"),
        item(service, "app-store", "2.0", 2, 4, SUGGESTION, null),
        item(service, "app-store", "2.0", 1, 5, "I love the new checkout, so fast!", "positive"),
        item(service, "support", "2.0", 2, null, LONG_REVIEW, "negative"),
        item(service, "in-app", "2.0", 1, null, "I love the new checkout, so fast!", "positive"),
        item(service, "in-app", "1.0", 12, 1, "The payment page crashes on login", null)));
    Response change = api().bearer("demo-ci-token").post("/api/changes", """
        {"service":"%s","version":"2.0","title":"Checkout 2","changeType":"standard","tests":"passed",
         "hasDbMigration":false,"requestedBy":"olivia"}""".formatted(service));
    assertThat(change.status()).as(change.toString()).isEqualTo(201);
    String changeKey = change.json().path("changeKey").asText();
    nextSecond();

    Response created = as("mia").post("/api/retrospectives", json(Map.of("service", service,
        "from", NOW.minus(Duration.ofDays(10)).toString(), "to", NOW.plus(Duration.ofHours(1)).toString())));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String key = created.json().path("retrospective").path("retroKey").asText();
    JsonNode facts = as("olivia").get("/api/retrospectives/" + key).json().path("facts");
    assertThat(facts.path("changes").findValuesAsText("changeKey")).as(facts.toString()).containsExactly(changeKey);
    JsonNode feedback = facts.path("feedback");
    assertThat(feedback.path("volume").asLong()).as("the window's items, not the one 12 days ago").isEqualTo(7);
    assertThat(feedback.path("shares").path("negative").asDouble()).isEqualTo(0.429);
    assertThat(feedback.path("shares").path("positive").asDouble() + feedback.path("shares").path("neutral").asDouble())
        .isEqualTo(0.571, org.assertj.core.data.Offset.offset(0.002));
    assertThat(feedback.path("averageRating").asDouble()).isEqualTo(3.4);
    assertThat(feedback.path("topComplaints").findValuesAsText("term")).contains("支付");
    JsonNode appStore = feedback.path("samples").path("app-store");
    assertThat(appStore.findValuesAsText("text")).as("three, negatives then the suggestion, newest first")
        .containsExactly("支付失败，客服也不理人，太失望了", "支付一直失败，退款也很慢", SUGGESTION);
    assertThat(appStore.get(2).path("suggestion").asBoolean()).isTrue();
    assertThat(feedback.path("samples").path("support").get(0).path("text").asText()).isEqualTo(LONG_REVIEW);
    assertThat(feedback.path("samples").path("in-app").findValuesAsText("text"))
        .containsExactly("I love the new checkout, so fast!");
    JsonNode changeFact = facts.path("changes").get(0);
    assertThat(changeFact.path("feedback").path("current").path("volume").asLong()).isEqualTo(6);
    assertThat(changeFact.path("feedback").path("previous").path("version").asText()).isEqualTo("1.0");
    assertThat(changeFact.path("feedback").path("previous").path("volume").asLong()).isEqualTo(2);

    String forms = (String) processEngine.getRuntimeService().getVariable(processInstanceId(key), "facts");
    assertThat(forms).contains("Feedback: 7 items").contains("negative 43 %").contains("Top complaints: ")
        .contains("Feedback on " + changeKey + ": 2.0: 6 items").contains("previous 1.0: 2 items")
        .contains(SUGGESTION);

    String markdown = as("olivia").withHeader("Accept", "text/markdown").get("/api/retrospectives/" + key + "/report")
        .body();
    assertThat(markdown).contains("### Feedback").contains("7 items, positive").contains("#### app-store")
        .contains("#### support").contains(LONG_REVIEW).contains("- " + changeKey + " 2.0: 6 items")
        .doesNotContain("The payment page crashes on login");
    String html = api().basic("olivia", "demo").withHeader("Accept", "text/html")
        .get("/api/retrospectives/" + key + "/report").body();
    assertThat(html).contains("<h3>Feedback</h3>").contains(LONG_REVIEW).contains(SUGGESTION);
  }

  /**
   * Waits for the next whole second: a window ends when its facts are gathered, in whole seconds, and
   * holds what was created before its end, so a change created in that same second would fall out.
   */
  private static void nextSecond() throws InterruptedException {
    Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    while (!Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(second)) {
      Thread.sleep(20);
    }
  }

  /** Posts the items and checks the analyser labelled them as the test expects (null: any label). */
  private void postFeedback(List<Map<String, Object>> items) {
    List<String> expected = new ArrayList<>();
    List<Map<String, Object>> body = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Map<String, Object> copy = new LinkedHashMap<>(item);
      expected.add((String) copy.remove("expected"));
      body.add(copy);
    }
    Response response = api().bearer("demo-feedback-token").post("/api/feedback", json(body));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    List<String> labels = response.json().findValuesAsText("sentiment");
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) != null) {
        assertThat(labels.get(i)).as("the analyser's label of item " + i).isEqualTo(expected.get(i));
      }
    }
    assertThat(labels.get(3)).as("the suggestion is not itself a complaint").isNotEqualTo("negative");
  }

  private static Map<String, Object> item(String service, String channel, String version, int daysAgo, Integer rating,
      String text, String expected) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("service", service);
    item.put("version", version);
    item.put("channel", channel);
    item.put("externalId", service + Fixtures.uniqueSuffix());
    item.put("text", text);
    if (rating != null) {
      item.put("rating", rating);
    }
    item.put("occurredAt", NOW.minus(Duration.ofDays(daysAgo)).toString());
    item.put("expected", expected);
    return item;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
