package io.opsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.Browser;
import io.opsflow.support.OpsFlowProcess;

/**
 * The default profile, as the README's run command starts it: embedded H2 under ./data, demo data,
 * 90 days of history made in the background (a manager's figures are filled, and drawn by the dashboard in a
 * browser; a restart adds nothing),
 * everything kept across a restart (sign-ins included), and text stored whole as on MariaDB
 * (Chinese, emoji, the largest description, an alert beyond its columns clipped with a note).
 */
class DemoProfileStartIT {

  private static final String MIXED = "支付失败 💳🔥 Zahlung fällt aus — ошибка 𝄞";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
  /** The history's 90 days, and the day it was made. */
  private static final String PERIOD = "from=" + TODAY.minus(Duration.ofDays(90)) + "&to=" + TODAY.plus(Duration.ofDays(1))
      + "&interval=week";
  private static final int OPEN_TASKS_AT_MOST = 25;

  @TempDir
  Path workDir;

  @Test
  void startsWithDemoDataOnAFileDatabaseAndKeepsDataAcrossARestart() throws Exception {
    Api signedIn;
    List<Long> made;
    // as the README's command runs it: with the job executor, which the history pauses while it plays
    try (OpsFlowProcess first = OpsFlowProcess.start(workDir, Map.of(), OpsFlowProcess.Jobs.ON)) {
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
      awaitHistory(first);
      managersFigures(api.basic("mia", "demo"));
      dashboardOnTheHistory(first.port(), api);
      assertThat(api.basic("admin", "demo").get("/engine-rest/task/count").json().path("count").asInt())
          .as("open tasks: the last days' work, not the quarter's").isBetween(1, OPEN_TASKS_AT_MOST);
      storesTextWhole(api);
      made = counts(api.basic("mia", "demo"));
    }
    assertThat(Files.list(workDir.resolve("data")).map(Path::getFileName).map(Path::toString))
        .anyMatch(name -> name.startsWith("opsflow") && name.endsWith(".mv.db"));

    try (OpsFlowProcess second = OpsFlowProcess.start(workDir, Map.of())) {
      assertThat(second.running()).as(second.output()).isTrue();
      assertThat(second.api().basic("olivia", "demo").get("/api/services/kept").status()).isEqualTo(200);
      assertThat(second.api().basic("olivia", "demo").get("/api/services").json().size()).isEqualTo(5);
      Api stillSignedIn = signedIn.on(second.port());
      assertThat(stillSignedIn.get("/camunda/app/tasklist/default/").status()).as("sessions survive the restart")
          .isEqualTo(200);
      assertThat(stillSignedIn.post("/camunda/api/engine/engine/default/task/count", "{}").status()).isEqualTo(200);
      assertThat(second.output()).contains("Demo history: already made on this database");
      assertThat(counts(second.api().basic("mia", "demo"))).as("a restart adds no history").isEqualTo(made);
    }
  }

  /** The history plays in the background after the start, and says in the log when it is complete. */
  private static void awaitHistory(OpsFlowProcess process) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(20));
    while (!process.output().contains("Demo history ready in") && Instant.now().isBefore(giveUp)) {
      assertThat(process.output()).doesNotContain("Demo history failed");
      Thread.sleep(2000);
    }
    String output = process.output();
    assertThat(output).contains("Demo history ready in").doesNotContain("Demo history: a step at")
        .doesNotContain("could not complete");
    System.out.println(output.lines().filter(line -> line.contains("Demo history ready in")).findFirst().orElseThrow());
  }

  /**
   * What a manager sees over the 90 days on a fresh start: every DORA figure with its band, MTTA and MTTR,
   * SLA attainment for every priority, weekly series with data, the practice figures; and a Tasklist
   * with a handful of open items, not the whole quarter's.
   */
  private static void managersFigures(Api mia) {
    JsonNode delivery = mia.get("/api/metrics/delivery?" + PERIOD).json();
    assertThat(delivery.path("deploymentFrequency").path("count").asLong()).as(delivery.toString()).isGreaterThan(60);
    for (String figure : List.of("deploymentFrequency", "changeLeadTime", "changeFailRate",
        "failedDeploymentRecoveryTime")) {
      assertThat(delivery.path(figure).path("band").asText()).as(figure).isIn("elite", "high", "medium", "low");
    }
    assertThat(delivery.path("changeFailRate").path("value").asDouble()).isBetween(0.02, 0.35);
    assertThat(delivery.path("deploymentReworkRate").path("value").asDouble()).isPositive();
    assertThat(delivery.path("series")).hasSizeGreaterThanOrEqualTo(13);
    assertThat(StreamSupport.stream(delivery.path("series").spliterator(), false)
        .filter(week -> week.path("deploymentFrequency").path("count").asLong() > 0)).hasSizeGreaterThanOrEqualTo(12);

    JsonNode incidents = mia.get("/api/metrics/incidents?" + PERIOD).json();
    assertThat(incidents.path("mtta").path("value").asDouble()).as(incidents.toString()).isPositive();
    assertThat(incidents.path("mttr").path("value").asDouble()).isGreaterThan(incidents.path("mtta").path("value")
        .asDouble());
    assertThat(incidents.path("mttr").path("count").asLong()).isGreaterThan(30);
    double lowest = 1;
    for (String priority : List.of("P1", "P2", "P3", "P4")) {
      for (String target : List.of("acknowledge", "resolve")) {
        JsonNode sla = incidents.path("slaAttainment").path(priority).path(target);
        assertThat(sla.path("count").asLong()).as(priority + " " + target).isPositive();
        lowest = Math.min(lowest, sla.path("value").asDouble());
      }
    }
    assertThat(lowest).as("some targets were missed").isLessThan(1);
    for (String source : List.of("alert", "person", "failedChange", "feedback")) {
      assertThat(incidents.path("incidentsBySource").path(source).path("value").asInt()).as(source).isPositive();
    }
    assertThat(incidents.path("escalations").path("value").asInt()).isPositive();

    JsonNode practice = mia.get("/api/metrics/practice?" + PERIOD).json();
    assertThat(practice.path("drillCompliance").path("value").asDouble()).as(practice.toString()).isEqualTo(2 / 3.0);
    assertThat(practice.path("retrospectivesCompleted").path("value").asInt()).isGreaterThan(5);
    assertThat(practice.path("actionItemsOnTime").path("value").asDouble()).isStrictlyBetween(0.0, 1.0);
    assertThat(practice.path("overdueActionItems").path("value").asInt()).isPositive();

    assertThat(mia.get("/api/changes?limit=500").json().findValuesAsText("state")).as("a few changes still under way")
        .contains("closed").filteredOn(state -> !state.equals("closed") && !state.equals("rejected")).hasSizeLessThan(6);
  }

  /**
   * The dashboard on the history in a real browser: mia's tiles draw, every DORA, MTTA/MTTR, SLA and practice
   * number shown is the API's for the same period (the page's own links name it), and users' sentiment has a
   * point a day with the bad release's dip; devon is offered only his groups' services and sees their figures.
   */
  private static void dashboardOnTheHistory(int port, Api api) throws Exception {
    try (Browser browser = Browser.open(port, "en-US")) {
      browser.go("/dashboard").signIn("mia", "demo");
      browser.waitFor(By.cssSelector("body[data-loaded]"));
      for (String chart : List.of("chart-mttx", "chart-sla", "chart-priority", "chart-drills", "chart-sentiment")) {
        browser.waitFor(By.cssSelector("#" + chart + " canvas"));
      }
      assertThat(browser.pageText()).doesNotContain("Could not load", "No feedback in this period");
      Api mia = api.basic("mia", "demo");
      JsonNode delivery = mia.get(linked(browser, "#tile-dora a[data-link=delivery]")).json();
      for (String figure : List.of("deploymentFrequency", "changeLeadTime", "changeFailRate",
          "failedDeploymentRecoveryTime", "deploymentReworkRate")) {
        assertShown(browser, figure, delivery.path(figure));
        if (delivery.path(figure).hasNonNull("band")) {
          assertThat(browser.waitFor(By.cssSelector("#value-" + figure + " [data-band]")).getAttribute("data-band"))
              .as(figure).isEqualTo(delivery.path(figure).path("band").asText());
        }
      }
      JsonNode incidents = mia.get(linked(browser, "#tile-mttx a[data-link=incidents]")).json();
      assertShown(browser, "mtta", incidents.path("mtta"));
      assertShown(browser, "mttr", incidents.path("mttr"));
      List<?> sla = (List<?>) browser.script("return echarts.getInstanceByDom(document.getElementById('chart-sla'))"
          + ".getOption().series.map(s => s.data);");
      List<String> targets = List.of("acknowledge", "resolve");
      for (int t = 0; t < targets.size(); t++) {
        for (int p = 0; p < 4; p++) {
          double value = incidents.path("slaAttainment").path("P" + (p + 1)).path(targets.get(t)).path("value").asDouble();
          assertThat(((Number) ((List<?>) sla.get(t)).get(p)).doubleValue()).as("P" + (p + 1) + " " + targets.get(t))
              .isEqualTo(Math.round(value * 1000) / 10.0);
        }
      }
      JsonNode practice = mia.get(linked(browser, "#tile-drills a[data-link=practice]")).json();
      for (String figure : List.of("drillCompliance", "overdueActionItems", "actionItemsOnTime", "retrospectivesCompleted")) {
        assertShown(browser, figure, practice.path(figure));
      }
      List<?> sentiment = (List<?>) browser.script("return echarts.getInstanceByDom("
          + "document.getElementById('chart-sentiment')).getOption().series[0].data;");
      assertThat(sentiment).as("a point a day").hasSizeGreaterThan(80);
      DoubleSummaryStatistics scores = sentiment.stream().mapToDouble(point -> ((Number) point).doubleValue())
          .summaryStatistics();
      assertThat(scores.getMax()).as("content days").isPositive();
      assertThat(scores.getMin()).as("the bad release's dip").isNegative();
      browser.screenshot("dashboard-demo-history");
    }

    // a service of another group, so that devon's choice is narrower than mia's
    assertThat(api.basic("mia", "demo").post("/api/services",
        "{\"key\":\"qa-tools\",\"name\":\"QA tools\",\"tier\":3,\"devGroup\":\"qa\"}").status()).isEqualTo(201);
    List<String> devonsServices = new ArrayList<>();
    for (JsonNode service : api.basic("admin", "demo").get("/api/services").json()) {
      if ("dev".equals(service.path("devGroup").asText()) || "dev".equals(service.path("onCallGroup").asText())) {
        devonsServices.add(service.path("key").asText());
      }
    }
    try (Browser browser = Browser.open(port, "en-US")) {
      browser.go("/dashboard").signIn("devon", "demo");
      browser.waitFor(By.cssSelector("body[data-loaded]"));
      assertThat(browser.all(By.cssSelector("#service option")).stream().map(option -> option.getAttribute("value"))
          .filter(value -> !value.isEmpty())).containsExactlyInAnyOrderElementsOf(devonsServices);
      JsonNode delivery = api.basic("devon", "demo").get(linked(browser, "#tile-dora a[data-link=delivery]")).json();
      assertShown(browser, "deploymentFrequency", delivery.path("deploymentFrequency"));
      assertThat(devonsServices).contains("payments-api", "web-portal", "reporting").doesNotContain("qa-tools");
      assertThat(api.basic("devon", "demo").get("/api/metrics/delivery?" + PERIOD + "&service=qa-tools").status())
          .as("another group's service").isEqualTo(403);
    }
  }

  /** The API call a tile links to, as a path with its query. */
  private static String linked(Browser browser, String css) {
    URI uri = URI.create(browser.waitFor(By.cssSelector(css)).getAttribute("href"));
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static void assertShown(Browser browser, String name, JsonNode figure) {
    String shown = browser.waitFor(By.id("value-" + name)).getAttribute("data-value");
    if (figure.path("value").isNull()) {
      assertThat(shown).as(name).isEmpty();
    } else {
      assertThat(Double.parseDouble(shown)).as(name).isEqualTo(figure.path("value").asDouble());
    }
  }

  /** How much the period holds: deployments, incidents. */
  private static List<Long> counts(Api mia) {
    return List.of(mia.get("/api/metrics/delivery?" + PERIOD).json().path("changeFailRate").path("count").asLong(),
        mia.get("/api/metrics/incidents?" + PERIOD).json().path("escalations").path("count").asLong());
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
