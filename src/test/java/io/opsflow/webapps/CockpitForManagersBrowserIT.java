package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.opsflow.support.Api.Response;
import io.opsflow.support.Browser;
import io.opsflow.support.IntegrationTest;

/**
 * The demo manager browses every page of Cockpit, and each tab of a process definition and a process
 * instance: no error notification anywhere, the dashboard counts what the engine holds, and nothing
 * offers an action a manager may not take; the incident's instance page links to the incident's report,
 * which opens with the same sign-in. Screenshots in target/screenshots.
 */
class CockpitForManagersBrowserIT extends IntegrationTest {

  private static final String COCKPIT = "/camunda/app/cockpit/default/#";
  /** Words of the tooltips of Cockpit's actions (suspend, delete, retry, add, edit, change priority). */
  private static final Pattern ACTION = Pattern.compile("(?i)suspend|delete|retr(y|ies)|add a new|edit|change|cancel");

  @Test
  void aManagerBrowsesEveryCockpitPageWithoutErrorsWithFullCountsAndNoActions() throws Exception {
    Response opened = as("olivia").post("/api/incidents", """
        {"service":"payments-api","title":"Cockpit browser test","description":"slow","impact":"high","urgency":"medium"}""");
    String incidentKey = opened.json().path("incidentKey").asText();
    String instanceId = processInstanceId(incidentKey);
    // the incident's first steps are asynchronous (no job executor in tests): run them up to its triage task
    for (int step = 0; step < 5 && processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .count() == 0; step++) {
      executeDueJobs(instanceId);
    }
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).count())
        .as("an open task to count").isPositive();
    String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("incident-response").latestVersion().singleResult().getId();
    String decisionId = processEngine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("incident-priority-matrix").latestVersion().singleResult().getId();

    try (Browser browser = Browser.open(port, "en")) {
      browser.go(COCKPIT + "/dashboard").signIn("mia", "demo");
      browser.waitUntil(Duration.ofSeconds(120), () -> browser.showsText("Open Human Tasks"));
      visited(browser, "cockpit-manager-dashboard");
      assertThat(figure(browser, "Open Human Tasks")).isEqualTo(processEngine.getTaskService().createTaskQuery().count());
      assertThat(figure(browser, "Running Process Instances"))
          .isEqualTo(processEngine.getRuntimeService().createProcessInstanceQuery().count());

      page(browser, "/processes", "process definitions deployed", "cockpit-manager-processes");
      page(browser, "/process-definition/" + definitionId + "/runtime", "Definition Version:", "cockpit-manager-definition");
      for (String tab : List.of("Incidents", "Called Process Definitions", "Job Definitions", "Process Instances")) {
        tab(browser, tab);
      }
      page(browser, "/process-instance/" + instanceId + "/runtime", "Instance ID:", "cockpit-manager-instance");
      assertThat(browser.pageText()).contains("Cockpit browser test");
      for (String tab : List.of("Incidents", "Called Process Instances", "User Tasks", "Jobs", "External Tasks",
          "Variables")) {
        tab(browser, tab);
      }
      WebElement report = browser.waitFor(By.cssSelector("a.opsflow-report-link"));
      assertThat(report.getAttribute("aria-label")).isEqualTo("Report");
      assertThat(report.getAttribute("title")).isEqualTo("OpsFlow report of " + incidentKey);
      assertThat(report.getAttribute("href")).as("the incident's report, from its instance page")
          .endsWith("/api/incidents/" + incidentKey + "/report");
      browser.go(URI.create(report.getAttribute("href")).getPath());
      browser.waitUntil(Duration.ofSeconds(30), () -> browser.pageText().contains("Cockpit browser test"));
      assertThat(browser.url()).as("read with the same sign-in").endsWith("/api/incidents/" + incidentKey + "/report");
      browser.screenshot("cockpit-manager-incident-report");
      page(browser, "/decisions", "decision definitions deployed", "cockpit-manager-decisions");
      page(browser, "/decision-definition/" + decisionId, "Definition Version:", "cockpit-manager-decision");
      page(browser, "/tasks", "Assignments by group", "cockpit-manager-human-tasks");
      assertThat(browser.pageText()).doesNotContain("permission");
      assertThat(figureBefore(browser, "Total")).isEqualTo(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
          .unfinished().count());
      page(browser, "/repository", "Deployment Time", "cockpit-manager-deployments");
      assertThat(browser.pageText()).as("batches are not shown to a manager").doesNotContain("Batches");
    }
  }

  private void page(Browser browser, String route, String shown, String screenshot) throws Exception {
    browser.go(COCKPIT + route);
    browser.waitUntil(Duration.ofSeconds(60), () -> browser.pageText().contains(shown));
    visited(browser, screenshot);
  }

  private void tab(Browser browser, String name) throws Exception {
    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)=\"" + name + "\"]"));
    visited(browser, null);
  }

  private void visited(Browser browser, String screenshot) throws Exception {
    browser.waitForWebappRequests();
    // some pages (Human Tasks) load through their own requests, each showing a spinner until it answers
    browser.waitUntil(Duration.ofSeconds(30), () -> browser.all(By.cssSelector(".animate-spin")).stream()
        .noneMatch(spinner -> spinner.isDisplayed()));
    if (screenshot != null) {
      browser.screenshot(screenshot);
    }
    assertThat(browser.all(By.cssSelector(".notifications .alert-danger, .notifications .alert-warning")))
        .as("error notifications on %s", browser.url()).isEmpty();
    assertThat(browser.visibleAttributes("uib-tooltip")).as("actions offered on %s", browser.url())
        .noneMatch(tooltip -> ACTION.matcher(tooltip).find());
  }

  /** The number shown in the table row before a label (Human Tasks: "3 Total"). */
  private static long figureBefore(Browser browser, String label) {
    Matcher figure = Pattern.compile("(\\d+)\\s+" + Pattern.quote(label) + "\\b").matcher(browser.pageText());
    assertThat(figure.find()).as("%s on Human Tasks", label).isTrue();
    return Long.parseLong(figure.group(1));
  }

  /** The number shown under a dashboard label. */
  private static long figure(Browser browser, String label) {
    Matcher figure = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(browser.pageText());
    assertThat(figure.find()).as("%s on the dashboard", label).isTrue();
    return Long.parseLong(figure.group(1));
  }
}
