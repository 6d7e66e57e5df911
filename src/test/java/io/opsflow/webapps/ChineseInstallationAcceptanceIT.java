package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api;
import io.opsflow.support.Browser;
import io.opsflow.support.OpsFlowProcess;

/**
 * Issue 15's acceptance, tried as a new user would: the packaged jar as a Chinese installation
 * ({@code OPSFLOW_LANGUAGE=zh-CN}, demo data) and a Chinese browser. An ops person lands on 我的任务 with
 * a new P1 on top, opens 确认与分诊, whose form is Chinese (its validation messages too), completes it,
 * and opens the incident's report; the manager browses every Cockpit page. Nowhere a Camunda banner, an
 * error notification, a raw translation key or English text of OpsFlow's or Camunda's: what people wrote
 * (titles, service and user names, keys, variables) and the decision tables' logic (FEEL entries) aside.
 * Cockpit's process diagrams and decision tables are drawn from the deployed models, which a Chinese
 * installation deploys translated: their labels are Chinese too. Screenshots: target/screenshots/zh-*.png
 * (copied to docs/screenshots for the README).
 */
class ChineseInstallationAcceptanceIT {

  private static final By CARDS = By.cssSelector("ol.tasks-list > li.task");
  private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]+");
  private static final String TITLE = "支付接口大量超时 🔥";
  /**
   * Words that are not English to a Chinese reader: names (OpsFlow, Camunda's in the footer), the
   * priority and business-key codes, the DRILL marker, units and acronyms Chinese ops texts use as they
   * are, and what the demo data is named (people and their names, groups, services, process keys).
   */
  private static final Set<String> NOT_ENGLISH = Set.of("OpsFlow", "Camunda", "CE", "Platform",
      // the report's note on its other formats names them as HTTP does
      "Markdown", "Accept", "text", "markdown", "JSON", "application", "json", "P1", "P2", "P3", "P4",
      "INC", "CHG", "RETRO", "DRILL", "SLA", "ID", "IDs", "API", "HTTP", "BPMN", "DMN", "CMMN", "UTC", "GMT", "CST",
      "demo", "olivia", "oscar", "devon", "quinn", "mia", "max", "sasha", "admin", "ops", "dev", "qa", "manager",
      "Olivia", "Oscar", "Devon", "Quinn", "Mia", "Max", "Sasha", "Ops", "Dev", "QA", "Manager", "Security",
      "security", "payments", "api", "web", "portal", "reporting", "incident", "response", "change", "release",
      "emergency", "plan", "drill", "check", "feedback", "triage", "post", "launch", "retrospective", "service",
      "retirement", "outage", "database", "failure", "priority", "matrix", "alert", "classification", "approval",
      "route", "approvers", "risk", "major", "selection", "needed", "spike", "impact", "urgency", "default",
      "SpringAutoDeployment", "bpmn", "dmn", "form");

  @TempDir
  Path workDir;

  @Test
  void aChineseInstallationSpeaksChineseFromTheP1ToCockpit() throws Exception {
    try (OpsFlowProcess opsflow = OpsFlowProcess.start(workDir, Map.of("OPSFLOW_LANGUAGE", "zh-CN",
        "OPSFLOW_DEMO_HISTORY", "false"), OpsFlowProcess.Jobs.ON)) {
      assertThat(opsflow.running()).as(opsflow.output()).isTrue();
      Api admin = opsflow.api().basic("admin", "demo");
      assertThat(admin.get("/engine-rest/process-definition?key=incident-response&latestVersion=true&maxResults=1").json()
          .findValuesAsText("name")).containsExactly("上报事件");
      String key = p1(opsflow.api());
      String instance = admin.get("/engine-rest/process-instance?businessKey=" + key + "&maxResults=1").json().get(0)
          .path("id").asText();
      awaitTask(admin, instance, "Task_AcknowledgeTriage");

      try (Browser browser = Browser.open(opsflow.port(), "zh-CN")) {
        browser.go("/camunda/app/tasklist/default/").signIn("olivia", "demo");
        // the first Tasklist of a fresh server loads its scripts slowly on a busy machine
        browser.waitUntil(Duration.ofSeconds(120), () -> !browser.all(CARDS).isEmpty());
        assertThat(browser.showsText("我的任务")).as("lands on 我的任务").isTrue();
        WebElement top = browser.all(CARDS).get(0);
        assertThat(top.getText()).as("the P1 on top, its priority on the card").contains(key, "确认与分诊", "优先级",
            "P1");
        checked(browser, "zh-tasklist", key);

        browser.waitForText("启动流程").click();
        // what ops may start
        List.of("上报事件", "申请变更", "应急预案：服务中断").forEach(browser::waitForText);
        checked(browser, "zh-start-process", key);
        browser.waitForText("关闭").click();
        browser.go("/camunda/app/tasklist/default/");
        browser.waitUntil(Duration.ofSeconds(60), () -> !browser.all(CARDS).isEmpty());

        browser.all(CARDS).get(0).click();
        browser.waitFor(By.xpath("//h4[normalize-space(.)='确认与分诊']"));
        browser.waitForText("认领").click();
        browser.waitFor(By.xpath("//label[contains(normalize-space(.), '这是哪类事件？')]"));
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.pageText().contains("请选择"));
        assertThat(browser.pageText()).doesNotContain("Select");
        checked(browser, "zh-triage-form", key);
        // completed too early: form-js's messages in Chinese (Tasklist adds its own notice, 提交任务表单时出错, closed here)
        browser.click(By.xpath("//button[normalize-space(.)='完成']"));
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.pageText().contains("此项为必填项。"));
        assertThat(browser.pageText()).doesNotContain("Field is required");
        browser.screenshot("zh-triage-form-required");
        // closed as a person would, whether or not its fade-in has finished
        browser.script("document.querySelectorAll('.notifications .alert .close').forEach(b => b.click())");
        browser.choose("服务中断：宕机或无法访问");
        browser.choose("运维（ops）：基础设施、配置、容量");
        browser.click(By.xpath("//button[normalize-space(.)='完成']"));
        JsonNode diagnosis = awaitTask(admin, instance, "Task_DiagnoseMitigate");
        assertThat(diagnosis.path("name").asText()).isEqualTo("诊断与止损");

        browser.go("/api/incidents/" + key + "/report");
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.pageText().contains(key));
        assertThat(browser.pageText()).contains(TITLE.substring(0, 4), "事件");
        checked(browser, "zh-incident-report", key);
      }

      try (Browser browser = Browser.open(opsflow.port(), "zh-CN")) {
        String cockpit = "/camunda/app/cockpit/default/#";
        browser.go(cockpit + "/dashboard").signIn("mia", "demo");
        browser.waitUntil(Duration.ofSeconds(120), () -> browser.showsText("未完成的人工任务"));
        checked(browser, "zh-cockpit-dashboard", key);
        String definition = admin.get("/engine-rest/process-definition?key=incident-response&latestVersion=true"
            + "&maxResults=1").json().get(0).path("id").asText();
        String decision = admin.get("/engine-rest/decision-definition?key=incident-priority-matrix&latestVersion=true&maxResults=1")
            .json().get(0).path("id").asText();
        cockpitPage(browser, cockpit + "/processes", "个流程定义已部署", "zh-cockpit-processes", key);
        assertThat(browser.pageText()).contains("上报事件", "申请变更");
        cockpitPage(browser, cockpit + "/process-definition/" + definition + "/runtime", "定义版本：",
            "zh-cockpit-definition", key);
        assertThat(diagramLabels(browser)).as("the diagram's labels").contains("事件已上报", "登记事件", "确定优先级",
            "处理事件", "关闭事件", "需要复盘？", "是", "否");
        // what a variable belongs to is named as the diagram names it; Camunda's own "Actions" column in Chinese
        cockpitPage(browser, cockpit + "/process-instance/" + instance + "/runtime?detailsTab=variables-tab", "作用域",
            "zh-cockpit-variables", key);
        assertThat(browser.pageText()).contains("上报事件");
        // on its user tasks: a manager reads every instance but, by design, no other group's task: the tab says so, in Chinese
        cockpitPage(browser, cockpit + "/process-instance/" + instance + "/runtime?detailsTab=user-tasks-tab", "没有用户任务",
            "zh-cockpit-instance", key);
        cockpitPage(browser, cockpit + "/decisions", "个决策定义", "zh-cockpit-decisions", key);
        cockpitPage(browser, cockpit + "/decision-definition/" + decision, "定义版本：", "zh-cockpit-decision", key);
        assertThat(browser.all(By.cssSelector(".tjs-container")).get(0).getText()).as("the decision table")
            .contains("优先级矩阵（影响范围 × 紧急程度）", "命中策略：", "唯一", "当", "影响范围", "且", "紧急程度", "则", "优先级", "注释");
        cockpitPage(browser, cockpit + "/tasks", "按分组统计分配", "zh-cockpit-human-tasks", key);
      }
    }
  }

  /** A P1 on the tier 1 service, reported by a person; its first steps run in the background. */
  private static String p1(Api api) {
    Api.Response reported = api.basic("mia", "demo").post("/api/incidents", "{\"service\":\"payments-api\",\"title\":\""
        + TITLE + "\",\"description\":\"下单接口超时超过 30%\",\"impact\":\"high\",\"urgency\":\"high\"}");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    assertThat(reported.json().path("priority").asText()).isEqualTo("P1");
    return reported.json().path("incidentKey").asText();
  }

  private static JsonNode awaitTask(Api admin, String instance, String taskId) throws InterruptedException {
    for (int attempt = 0; attempt < 120; attempt++) {
      JsonNode tasks = admin.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + taskId
          + "&maxResults=1").json();
      if (tasks.size() == 1) {
        return tasks.get(0);
      }
      Thread.sleep(500);
    }
    throw new AssertionError(taskId + " did not come in process instance " + instance);
  }

  private static void cockpitPage(Browser browser, String route, String shown, String screenshot, String key)
      throws Exception {
    browser.go(route);
    if (route.contains("detailsTab=")) {
      // Cockpit opens the tab of the address only when the instance was not on screen before: chosen as a person does
      browser.waitForText(route.contains("user-tasks-tab") ? "用户任务" : "变量").click();
    }
    browser.waitUntil(Duration.ofSeconds(60), () -> browser.pageText().contains(shown));
    if (route.contains("/process-")) {
      browser.waitUntil(Duration.ofSeconds(60), () -> !diagramLabels(browser).isEmpty());
    } else if (route.contains("/decision-definition/")) {
      browser.waitUntil(Duration.ofSeconds(60), () -> browser.pageText().contains("命中策略："));
    }
    checked(browser, screenshot, key);
  }

  /**
   * Once the page has settled: no banner, no error notification, no raw key, no English word outside
   * what people wrote and the diagrams; then its screenshot.
   */
  private static void checked(Browser browser, String screenshot, String key) throws Exception {
    if (browser.url().contains("/camunda/app/")) {
      browser.waitForWebappRequests();
      browser.waitUntil(Duration.ofSeconds(30), () -> browser.all(By.cssSelector(".animate-spin, .loader-state.loading"))
          .stream().noneMatch(WebElement::isDisplayed));
    }
    assertThat(browser.all(By.cssSelector(".ce-eol-banner"))).as("the CE banner on %s", screenshot).isEmpty();
    assertThat(browser.all(By.cssSelector(".notifications .alert-danger, .notifications .alert-warning")))
        .as("error notifications on %s", screenshot).isEmpty();
    assertThat(browser.shownMatches(RAW_KEY)).as("raw keys on %s", screenshot).isEmpty();
    // Tasklist loads its date texts (moment's locale) with its translations: cards drawn before they arrive say
    // "in 5 minutes" until the next refresh of the list, which the page does on its own within seconds
    try {
      browser.waitUntil(Duration.ofSeconds(20), () -> englishShown(browser, key).isEmpty());
    } catch (org.openqa.selenium.TimeoutException stillEnglish) {
      // the assertion below says which words
    }
    browser.screenshot(screenshot);
    String shown = ((String) browser.script(SHOWN)).replace(key, " ");
    assertThat(englishShown(browser, key)).as("English on %s:%n%s", screenshot, shown).isEmpty();
  }

  private static List<String> englishShown(Browser browser, String key) {
    // ids are data (an instance's, a deployment's), and Camunda writes a missing version tag or tenant as null
    String shown = ((String) browser.script(SHOWN)).replace(key, " ")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", " ").replaceAll("(?m)^null$", " ")
        // a model's element ids (Task_DeterminePriority) name where a decision ran, as the model does
        .replaceAll("\\b[A-Z][A-Za-z]*_[A-Za-z]+\\b", " ");
    return WORD.matcher(shown).results().map(match -> match.group()).filter(word -> !NOT_ENGLISH.contains(word))
        .distinct().toList();
  }

  /** The labels of the BPMN diagram on the page (bpmn-js draws them as SVG text). */
  @SuppressWarnings("unchecked")
  private static List<String> diagramLabels(Browser browser) {
    return (List<String>) browser.script("return Array.from(document.querySelectorAll('.djs-container text'))"
        + ".map((label) => label.textContent.trim()).filter((label) => label)");
  }

  /**
   * The text the page shows (with placeholders and tooltips), diagrams and decision tables included; leaving out
   * what a variable holds (its name, type and value: the process's data) and a decision table's logic (its FEEL
   * entries, allowed values and types), both as the model and the process write them.
   */
  private static final String SHOWN = """
      const DATA = 'script, style, td.col-name, td.col-type, td.col-value, .tjs-container td.input-cell, '
          + '.tjs-container td.output-cell, .tjs-container .input-variable, .tjs-container .output-variable';
      const texts = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest(DATA)) {
          continue;
        }
        if (element.getClientRects().length === 0 || getComputedStyle(element).visibility === 'hidden') {
          continue;
        }
        texts.push(node.textContent);
      }
      document.querySelectorAll('[placeholder], [title]').forEach((element) => {
        if (element.getClientRects().length > 0 && !element.closest(DATA)) {
          texts.push(element.getAttribute('placeholder') || '', element.getAttribute('title') || '');
        }
      });
      return texts.join('\\n');
      """;
}
