package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.opsflow.support.Browser;
import io.opsflow.support.IntegrationTest;
import io.opsflow.tasklist.TasklistFilters;

/**
 * A Chinese browser gets the sign-in page, Tasklist and Cockpit in Chinese, with no translation key
 * showing instead of its text, also after switching Tasklist filters; the user menu switches to
 * English, and the sign-in page follows.
 */
class WebappLanguageBrowserIT extends IntegrationTest {

  /** A translation key such as CREATION_DATE, shown when its text is missing. */
  private static final Pattern RAW_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  @Test
  void aChineseBrowserGetsTasklistAndCockpitInChineseWithoutRawKeys() throws Exception {
    try (Browser browser = Browser.open(port, "zh-CN")) {
      browser.go("/camunda/app/tasklist/default/");
      assertThat(browser.pageText()).contains("登录 OpsFlow").contains("用户名").contains("密码");

      browser.signIn("mia", "demo");
      // the first Tasklist of a fresh server loads its scripts slowly on a busy machine
      browser.waitUntil(Duration.ofSeconds(120), () -> browser.showsText("启动流程"));
      assertThat(browser.shownMatches(RAW_KEY)).as("raw keys in Tasklist").isEmpty();
      for (String filter : List.of(TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE, TasklistFilters.MY_TASKS_ZH)) {
        browser.waitForText(filter).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.pageText().contains("创建时间")
            || browser.pageText().contains("优先级"));
        assertThat(browser.shownMatches(RAW_KEY)).as("raw keys after choosing the filter %s", filter).isEmpty();
      }
      browser.screenshot("webapps-zh-tasklist");

      browser.go("/camunda/app/cockpit/default/");
      browser.waitForText("运行中的流程实例");
      assertThat(browser.pageText()).contains("流程").contains("决策").contains("人工任务");
      assertThat(browser.shownMatches(RAW_KEY)).as("raw keys in Cockpit's dashboard").isEmpty();
      browser.screenshot("webapps-zh-cockpit");

      browser.go("/camunda/app/cockpit/default/#/processes");
      browser.waitForText("运行中的实例");
      assertThat(browser.shownMatches(RAW_KEY)).as("raw keys in Cockpit's processes").isEmpty();
    }
  }

  @Test
  void theUserMenuSwitchesToEnglishAndTheSignInPageFollows() throws Exception {
    try (Browser browser = Browser.open(port, "zh-CN")) {
      browser.go("/camunda/app/tasklist/default/").signIn("mia", "demo");
      browser.waitUntil(Duration.ofSeconds(120), () -> browser.showsText("启动流程"));

      browser.waitForText("Mia Manager").click();
      browser.waitForText("English").click();
      browser.waitForText("Start process");
      assertThat(browser.pageText()).doesNotContain("启动流程");

      browser.go("/camunda/app/cockpit/default/");
      browser.waitForText("Running Process Instances");

      browser.go("/login");
      assertThat(browser.pageText()).contains("Sign in to OpsFlow").contains("中文");
      browser.waitForText("中文").click();
      browser.waitFor(By.cssSelector("html[lang='zh-CN']"));
      assertThat(browser.pageText()).contains("登录 OpsFlow");
      browser.go("/camunda/app/tasklist/default/");
      browser.waitForText("启动流程");
    }
  }
}
