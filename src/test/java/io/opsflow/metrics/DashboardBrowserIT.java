package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api;
import io.opsflow.support.Browser;
import io.opsflow.support.IntegrationTest;

/**
 * The managers' dashboard in a real browser, after the one sign-in: its tiles draw, its numbers are
 * the API's, and a staff member's service filter offers only their groups' services.
 */
class DashboardBrowserIT extends IntegrationTest {

  @Test
  void miaSignsInOnceAndSeesTheTilesWithTheApisNumbers() throws Exception {
    try (Browser browser = Browser.open(port, "en-US")) {
      browser.go("/dashboard");
      assertThat(browser.url()).endsWith("/login");
      browser.signIn("mia", "demo");
      browser.waitFor(By.cssSelector("body[data-loaded]"));
      browser.screenshot("dashboard-mia");
      assertThat(browser.url()).endsWith("/dashboard/");
      assertThat(browser.pageText()).contains("Delivery (DORA)", "Deployment frequency", "SLA attainment by priority",
          "Open work by group", "Change calendar", "Drill compliance", "Feedback sentiment")
          .doesNotContain("Could not load");
      for (String chart : List.of("chart-mttx", "chart-sla", "chart-priority", "chart-drills")) {
        browser.waitFor(By.cssSelector("#" + chart + " canvas"));
      }
      assertThat(browser.all(By.cssSelector("#work tbody tr"))).as("a row per group").isNotEmpty();
      assertThat(browser.all(By.cssSelector("#calendar time"))).as("times as OpsFlow writes them, on its clock")
          .allSatisfy(time -> assertThat(time.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"));

      // the same period as the page asked for: its link to the API
      String practiceLink = browser.waitFor(By.cssSelector("#tile-drills a[data-link=practice]")).getAttribute("href");
      JsonNode practice = as("mia").get(pathOf(practiceLink)).json();
      WebElement overdue = browser.waitFor(By.id("value-overdueActionItems"));
      assertThat(Double.parseDouble(overdue.getAttribute("data-value")))
          .isEqualTo(practice.path("overdueActionItems").path("value").asDouble());
      assertThat(overdue.getText()).isEqualTo(String.valueOf(practice.path("overdueActionItems").path("value").asLong()));
      String deliveryLink = browser.waitFor(By.cssSelector("#tile-dora a[data-link=delivery]")).getAttribute("href");
      JsonNode delivery = as("mia").get(pathOf(deliveryLink)).json();
      JsonNode frequency = delivery.path("deploymentFrequency");
      String shown = browser.waitFor(By.id("value-deploymentFrequency")).getAttribute("data-value");
      if (frequency.path("value").isNull()) {
        assertThat(shown).isEmpty();
      } else {
        assertThat(Double.parseDouble(shown)).isEqualTo(frequency.path("value").asDouble());
      }
    }
  }

  @Test
  void aStaffMembersServiceFilterOffersOnlyTheirGroupsServicesInTheirLanguage() throws Exception {
    List<String> devonsServices = new ArrayList<>();
    for (JsonNode service : as("admin").get("/api/services").json()) {
      if ("dev".equals(service.path("devGroup").asText()) || "dev".equals(service.path("onCallGroup").asText())) {
        devonsServices.add(service.path("key").asText());
      }
    }
    assertThat(devonsServices).as("the demo catalog has services of dev").isNotEmpty();

    try (Browser browser = Browser.open(port, "zh-CN")) {
      browser.go("/dashboard").signIn("devon", "demo");
      browser.waitFor(By.cssSelector("body[data-loaded]"));
      browser.screenshot("dashboard-devon-zh");
      List<String> offered = browser.all(By.cssSelector("#service option")).stream()
          .map(option -> option.getAttribute("value")).filter(value -> !value.isEmpty()).toList();
      assertThat(offered).containsExactlyInAnyOrderElementsOf(devonsServices);
      assertThat(browser.pageText()).contains("交付（DORA）", "部署频率", "各组待办工作", "冻结窗口仅对经理显示")
          .doesNotContain("Delivery (DORA)", "无法加载");
    }
  }

  @Test
  void theSignInSessionReadsTheApiButChangesNothingThere() {
    Api session = api().signIn("devon", "demo");
    Api.Response choices = session.get("/api/metrics/choices");
    assertThat(choices.status()).isEqualTo(200);
    assertThat(choices.json().path("language").asText()).as("the installation's").isEqualTo("en");
    assertThat(choices.json().path("timeZone").asText()).isEqualTo("UTC");
    Api.Response write = session.post("/api/incidents", "{\"title\":\"Through a session\",\"impact\":\"low\",\"urgency\":\"low\"}");
    assertThat(write.status()).as(write.toString()).isEqualTo(401);
    assertThat(write.header("WWW-Authenticate")).startsWith("Basic");
    Api.Response xhr = api().withHeader("X-Requested-With", "XMLHttpRequest").get("/api/metrics/choices");
    assertThat(xhr.status()).isEqualTo(401);
    assertThat(xhr.header("WWW-Authenticate")).as("no password dialog over the dashboard").isEmpty();
  }

  private static String pathOf(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
