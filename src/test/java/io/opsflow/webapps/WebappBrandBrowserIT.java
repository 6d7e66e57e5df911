package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.opsflow.support.Browser;
import io.opsflow.support.IntegrationTest;
import io.opsflow.tasklist.TasklistFilters;

/**
 * Every webapp and the sign-in page carry OpsFlow's name, logo and favicon in English and Chinese;
 * Camunda's CE end-of-life banner is gone and leaves no gap; no translation key shows, even on a
 * slow network; Tasklist offers no "Create task" and names the processes people start as the
 * README does; the footer is OpsFlow's, with its credit to Camunda 7 CE. Screenshots land in
 * target/screenshots (brand-*).
 */
class WebappBrandBrowserIT extends IntegrationTest {

  /**
   * A translation key such as CREATION_DATE shown instead of its text: Camunda's keys are upper-case
   * words joined by underscores. One upper-case word alone is not a key: business keys (RETRO-2026-…)
   * and the DRILL marker on a drill's card are words of ours.
   */
  private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
  private static final Path FAVICON = Path.of("src/main/resources/META-INF/resources/webjars/camunda/favicon.ico");
  /** Start list entries for a manager, as the README names them. */
  private static final List<String> STARTABLE = List.of("Request change", "Report incident",
      "Request retrospective", "Launch service", "Retire service", "Emergency plan: service outage");

  record Words(String tasklist, String cockpit, String admin, String signIn, String startProcess, String createTask,
      String myTasks) {
  }

  private static final Map<String, Words> WORDS = Map.of(
      "en", new Words("OpsFlow Tasklist", "OpsFlow Cockpit", "OpsFlow Admin", "Sign in to OpsFlow", "Start process",
          "Create task", TasklistFilters.MY_TASKS),
      "zh-CN", new Words("OpsFlow 任务列表", "OpsFlow 驾驶舱", "OpsFlow 管理台", "登录 OpsFlow", "启动流程", "创建任务",
          TasklistFilters.MY_TASKS_ZH));

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN"})
  void everyWebappIsOpsFlowsWithoutBannerGapOrRawKeys(String language) throws Exception {
    Words words = WORDS.get(language);
    String shot = "brand-" + language.substring(0, 2) + "-";
    try (Browser browser = Browser.open(port, language)) {
      browser.slowNetwork(Duration.ofMillis(150));
      browser.go("/camunda/app/tasklist/default/");
      browser.waitFor(By.cssSelector("main h1 svg"));
      assertThat(browser.script("return document.title")).isEqualTo(words.signIn());
      assertThat(browser.script("return document.querySelector('link[rel=icon]').href")).asString()
          .startsWith("data:image/svg+xml;base64,");
      assertThat(browser.pageText()).contains(words.signIn());
      browser.screenshot(shot + "signin");

      browser.signIn("mia", "demo");
      // the first Tasklist of a fresh server loads its scripts slowly on a busy machine
      browser.waitUntil(Duration.ofSeconds(120), () -> browser.showsText(words.startProcess()));
      assertBranded(browser, words.tasklist());
      assertThat(browser.all(By.cssSelector(".create-task-action"))).isEmpty();
      assertThat(browser.showsText(words.createTask())).isFalse();
      browser.waitUntil(Duration.ofSeconds(30), () -> browser.all(By.cssSelector(".loader-state.loading")).stream()
          .noneMatch(WebElement::isDisplayed));
      browser.screenshot(shot + "tasklist");
      for (String filter : List.of(TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE, words.myTasks())) {
        browser.waitForText(filter).click();
        assertThat(browser.shownMatches(RAW_KEY)).as("raw keys after choosing the filter %s", filter).isEmpty();
      }

      browser.waitForText(words.startProcess()).click();
      STARTABLE.forEach(browser::waitForText);
      assertThat(browser.pageText()).doesNotContain("Change release").doesNotContain("Incident response");
      assertThat(browser.shownMatches(RAW_KEY)).as("raw keys in the start list").isEmpty();
      browser.screenshot(shot + "start-process");

      browser.go("/camunda/app/cockpit/default/");
      assertBranded(browser, words.cockpit());
      browser.go("/camunda/app/cockpit/default/#/processes");
      browser.waitForText("Request change");
      assertThat(browser.shownMatches(RAW_KEY)).as("raw keys in Cockpit's processes").isEmpty();
      browser.screenshot(shot + "cockpit");

      browser.go("/camunda/app/welcome/default/");
      assertBranded(browser, "OpsFlow");
      browser.screenshot(shot + "welcome");
    }
    try (Browser browser = Browser.open(port, language)) {
      browser.go("/camunda/app/admin/default/").signIn("admin", "demo");
      assertBranded(browser, words.admin());
      browser.screenshot(shot + "admin");
    }
  }

  /**
   * The header names the app and shows OpsFlow's logo; the title and favicon are OpsFlow's; no
   * banner, the header sits at the top and the page starts right below it; no raw key.
   */
  private static void assertBranded(Browser browser, String name) throws Exception {
    browser.waitUntil(Duration.ofSeconds(120), () -> browser.all(By.cssSelector("[cam-widget-header] .brand-name"))
        .stream().anyMatch(element -> element.isDisplayed() && element.getText().equals(name)));
    assertThat((String) browser.script("return document.title")).startsWith(name);
    browser.waitUntil(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(browser.script(
        "const logo = document.querySelector('[cam-widget-header] .brand-logo img');"
            + "return !!logo && logo.complete && logo.naturalWidth > 0 && logo.src.endsWith('/app/opsflow/logo.svg');")));
    Number favicon = (Number) browser.asyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(document.querySelector('link[rel=icon]').href).then(r => r.arrayBuffer()).then(b => done(b.byteLength));");
    assertThat(favicon.longValue()).as("the favicon's size").isEqualTo(Files.size(FAVICON));

    assertThat(browser.all(By.cssSelector(".ce-eol-banner"))).as("the CE end-of-life banner").isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Number> layout = (Map<String, Number>) browser.script(
        "const header = document.querySelector('[cam-widget-header]').getBoundingClientRect();"
            + "const page = document.querySelector('.ctn-main, .page-wrap, .welcome-page').getBoundingClientRect();"
            + "return {headerTop: header.top, headerBottom: header.bottom, pageTop: page.top,"
            + " bodyPadding: parseFloat(getComputedStyle(document.body).paddingTop)};");
    assertThat(layout.get("headerTop").doubleValue()).as("the header's top").isZero();
    assertThat(layout.get("pageTop").doubleValue()).as("where the page starts")
        .isEqualTo(layout.get("headerBottom").doubleValue());
    assertThat(layout.get("bodyPadding").doubleValue()).as("the body's top padding")
        .isEqualTo(layout.get("headerBottom").doubleValue());
    assertThat(browser.shownMatches(RAW_KEY)).as("raw keys in %s", name).isEmpty();
    browser.waitUntil(Duration.ofSeconds(10), () -> browser.all(By.cssSelector("[cam-widget-footer] .opsflow-credit"))
        .stream().anyMatch(WebElement::isDisplayed));
    String footer = browser.waitFor(By.cssSelector("[cam-widget-footer]")).getText();
    assertThat(footer).as("the footer of %s", name).contains("OpsFlow").contains("Camunda 7 CE")
        .doesNotContain("Powered by").doesNotContain("技术支持").doesNotContain("Camunda Platform");
    assertThat(browser.pageText()).doesNotContain("Welcome to Camunda").doesNotContain("欢迎使用Camunda");
  }
}
