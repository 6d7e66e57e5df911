package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.Api;
import io.opsflow.support.Api.Response;
import io.opsflow.support.IntegrationTest;

/**
 * The reports people open from a link: a styled, printable page in Chinese or English for whoever is
 * signed in (the one session, no password prompt), the sign-in page for a browser without a session,
 * Markdown and JSON for API clients as before; and an unknown /api path is not found.
 */
class ReportPagesIT extends IntegrationTest {

  private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String TITLE = "支付页面无法打开 🚨 | checkout";

  private String incident;
  private String change;
  private String activation;
  private String retrospective;

  @BeforeEach
  void oneOfEachReport() throws Exception {
    String service = "report-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectMapper json = new ObjectMapper();
    assertThat(as("mia").post("/api/services", json.writeValueAsString(Map.of("key", service, "name", "报告服务",
        "tier", 3, "devGroup", "dev"))).status()).isEqualTo(201);
    incident = as("olivia").post("/api/incidents", json.writeValueAsString(Map.of("service", service, "title", TITLE,
        "description", "第一行\n第二行", "impact", "high", "urgency", "low"))).json().path("incidentKey").asText();
    change = api().bearer("demo-ci-token").post("/api/changes", json.writeValueAsString(Map.of("service", service,
        "version", "2.0", "title", "发布 2.0", "changeType", "standard", "tests", "passed", "hasDbMigration", false)))
        .json().path("changeKey").asText();
    activation = as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        json.writeValueAsString(Map.of("service", service, "drill", true))).json().path("activationKey").asText();
    retrospective = as("mia").post("/api/retrospectives", json.writeValueAsString(Map.of("service", service,
        "from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z"))).json().path("retrospective").path("retroKey")
        .asText();
  }

  @Test
  void aSignedInPersonGetsEachReportAsAStyledPrintablePageInChinese() {
    Api browser = api().withHeader("Accept", BROWSER).withHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
        .signIn("olivia", "demo");

    Map<String, List<String>> reports = Map.of(
        "/api/incidents/" + incident + "/report", List.of("事件 " + incident, "时间线", "<table>", "支付页面无法打开 🚨 \\| checkout",
            "第一行 第二行", "影响 / 紧急程度: 高 / 低"),
        "/api/changes/" + change + "/report", List.of("变更 " + change, "审批", "发布 2.0", "<td>类型</td>\n<td>标准</td>"),
        "/api/emergency-plans/activations/" + activation + "/report", List.of("演练 " + activation, "步骤", "结果: 进行中"),
        "/api/retrospectives/" + retrospective + "/report", List.of("复盘 " + retrospective, "改进项", "事实"));
    reports.forEach((path, texts) -> {
      Response page = browser.get(path);
      assertThat(page.status()).as(path + ": " + page).isEqualTo(200);
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.header("Content-Language")).isEqualTo("zh-CN");
      assertThat(page.body()).as(path).contains("<html lang=\"zh-CN\">", "<style>", "@media print", "<main class=\"report\">")
          .contains(texts.stream().map(text -> text.replace("\\|", "|")).toList());
    });
  }

  @Test
  void theLanguageFollowsTheBrowserAndTheWebappsChoiceWins() {
    String path = "/api/incidents/" + incident + "/report";
    Api english = api().withHeader("Accept", BROWSER).withHeader("Accept-Language", "en-US,en;q=0.9")
        .signIn("mia", "demo");

    String page = english.get(path).body();
    String chosen = as("mia").withHeader("Accept", BROWSER).withHeader("Accept-Language", "en-US")
        .withHeader("Cookie", "opsflow-language=zh").get(path).body();

    assertThat(page).contains("<html lang=\"en\">", "Incident " + incident, "Timeline", "@media print")
        .doesNotContain("时间线");
    assertThat(chosen).contains("<html lang=\"zh-CN\">", "时间线");
  }

  @Test
  void aBrowserWithoutASessionIsSentToSignInAndComesBackToTheReport() {
    String path = "/api/incidents/" + incident + "/report";
    Api browser = api().browser().withHeader("Accept", BROWSER);

    Response anonymous = browser.get(path);
    Response script = api().anonymous().get(path);
    Response signedIn = browser.submitSignIn("olivia", "demo");

    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/login");
    assertThat(anonymous.header("WWW-Authenticate")).isEmpty();
    assertThat(script.status()).isEqualTo(401);
    assertThat(script.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).endsWith(path);
    assertThat(browser.get(path).body()).contains("@media print", incident);
  }

  @Test
  void apiClientsGetMarkdownAndJsonAsBefore() {
    Api olivia = as("olivia");

    Response markdown = olivia.withHeader("Accept", "*/*").get("/api/incidents/" + incident + "/report");
    Response json = olivia.withHeader("Accept", "application/json").get("/api/changes/" + change + "/report");
    Response activationJson = olivia.withHeader("Accept", "*/*")
        .get("/api/emergency-plans/activations/" + activation + "/report");
    Response activationMarkdown = olivia.withHeader("Accept", "text/markdown")
        .get("/api/emergency-plans/activations/" + activation + "/report");
    Response retroMarkdown = olivia.withHeader("Accept", "*/*").get("/api/retrospectives/" + retrospective + "/report");
    Response refused = olivia.withHeader("Accept", "image/png").get("/api/incidents/" + incident + "/report");

    assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
    assertThat(markdown.body()).startsWith("# Incident " + incident).contains("| Time | Kind | Who | What |")
        .contains("): 支付页面无法打开 🚨 | checkout\n");
    assertThat(json.json().path("changeKey").asText()).isEqualTo(change);
    assertThat(activationJson.header("Content-Type")).startsWith("application/json");
    assertThat(activationJson.json().path("activation").path("activationKey").asText()).isEqualTo(activation);
    assertThat(activationMarkdown.body()).startsWith("# Drill " + activation);
    assertThat(retroMarkdown.body()).startsWith("# Retrospective " + retrospective);
    assertThat(refused.status()).isEqualTo(406);
  }

  @Test
  void unknownApiPathsAreNotFoundForWhoeverSignedInAndUnauthorizedForStrangers() {
    for (String path : List.of("/api/unknown", "/api/incidents/" + incident + "/nonsense", "/api/reports")) {
      Response known = as("olivia").get(path);
      Response session = api().signIn("devon", "demo").get(path);
      Response bot = api().bearer("demo-ci-token").get(path);

      assertThat(known.status()).as(path).isEqualTo(404);
      assertThat(known.json().path("status").asInt()).as(known.body()).isEqualTo(404);
      assertThat(session.status()).as(path).isEqualTo(404);
      assertThat(bot.status()).as(path).isEqualTo(404);
      assertThat(api().anonymous().get(path).status()).as(path).isEqualTo(401);
    }
    // a route that no rule opens to this caller stays refused, also for a method the route does not take
    assertThat(as("olivia").get("/api/service-accounts").status()).isEqualTo(403);
    assertThat(as("olivia").delete("/api/incidents").status()).isEqualTo(403);
  }
}
