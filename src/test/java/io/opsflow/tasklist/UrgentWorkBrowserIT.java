package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.opsflow.support.Browser;
import io.opsflow.support.IntegrationTest;

/**
 * In a real browser, in Chinese and in English: an ops person lands on "My tasks" (我的任务) with
 * their groups' P1 on top, its P1 readable on the card without expanding it, and a drill's task
 * marked DRILL on its card and in its form.
 */
class UrgentWorkBrowserIT extends IntegrationTest {

  private static final By CARDS = By.cssSelector("ol.tasks-list > li.task");
  private static final Pattern CARD_PRIORITY = Pattern.compile("(?m)^.*(?:Created|创建时间).*?(\\d+)\\s*$");

  @Test
  void oliviaLandsOnHerTasksWithTheP1FirstAndSeesTheDrill() throws Exception {
    landsOnTheUrgentWorkFirst("olivia", null, TasklistFilters.MY_TASKS, "Priority", "Drill", "urgent-work-en");
  }

  @Test
  void oscarLandsOnHisTasksInChineseWithTheP1FirstAndSeesTheDrill() throws Exception {
    landsOnTheUrgentWorkFirst("oscar", "zh-CN", TasklistFilters.MY_TASKS_ZH, "优先级", "演练", "urgent-work-zh");
  }

  private void landsOnTheUrgentWorkFirst(String user, String language, String landing, String priorityLabel,
      String drillLabel, String screenshot) throws Exception {
    String p1 = incident("high", "high", "payments-api");
    String p3 = incident("medium", "medium", "web-portal");
    Task drillStep = drillStepForOps();

    try (Browser browser = Browser.open(port, language)) {
      browser.go("/camunda/app/tasklist/default/").signIn(user, "demo");
      // the first Tasklist of a fresh server loads its scripts slowly on a busy machine
      browser.waitUntil(Duration.ofSeconds(120), () -> !browser.all(CARDS).isEmpty());
      assertThat(browser.showsText(landing)).as("lands on %s", landing).isTrue();

      List<WebElement> cards = browser.all(CARDS);
      // other tests' work shares the list (an emergency change's "Roll back" is as urgent as a P1):
      // the whole list is most urgent first, and the new P1 is among the most urgent
      List<Integer> priorities = cards.stream().map(UrgentWorkBrowserIT::priorityOf).toList();
      assertThat(priorities).as("the most urgent work first").isSortedAccordingTo(Comparator.reverseOrder());
      int p1Card = indexOf(cards, p1);
      int p3Card = indexOf(cards, p3);
      assertThat(p1Card).as("the new P1 is listed").isNotNegative();
      assertThat(cards.get(p1Card).getText()).as("its priority readable").contains(priorityLabel + ":").contains("P1");
      assertThat(priorities.get(p1Card)).as("a P1 is as urgent as work gets").isEqualTo(100);
      assertThat(p3Card < 0 || p3Card > p1Card).as("the P3 reported after it comes after it").isTrue();
      browser.screenshot(screenshot + "-landing");

      // other tests' work can push the drill's card off the landing list's first page: the same columns
      // in a filter of the drill alone show its card next to its form
      String drillOnly = drillOnlyFilter(user, drillStep);
      browser.go("/camunda/app/tasklist/default/#/?filter=" + drillOnly + "&task=" + drillStep.getId());
      browser.waitForText("DRILL · 演练");
      WebElement drillCard = browser.waitFor(By.xpath("//ol[contains(@class,'tasks-list')]/li"
          + "[contains(@class,'active')]"));
      assertThat(drillCard.getText()).as("the drill's card, with no empty value").contains(drillLabel + ":")
          .contains("DRILL").doesNotContain("<");
      browser.screenshot(screenshot + "-drill");
      processEngine.getFilterService().deleteFilter(drillOnly);
    }
  }

  /** A filter of the person's with their landing filter's columns, listing only the drill's task. */
  private String drillOnlyFilter(String user, Task drillStep) {
    var filters = processEngine.getFilterService();
    Filter landing = filters.createFilterQuery().filterOwner(user).list().stream()
        .filter(mine -> TasklistFilters.MY_TASKS.equals(mine.getName()) || TasklistFilters.MY_TASKS_ZH.equals(mine.getName()))
        .findFirst().orElseThrow();
    Filter drill = filters.newTaskFilter("Drill under test").setOwner(user).setProperties(landing.getProperties())
        .setQuery(processEngine.getTaskService().createTaskQuery().taskId(drillStep.getId()));
    return filters.saveFilter(drill).getId();
  }

  /** The Camunda priority a card shows at the end of its "Created …" line. */
  private static int priorityOf(WebElement card) {
    Matcher matcher = CARD_PRIORITY.matcher(card.getText());
    assertThat(matcher.find()).as("a priority on the card %s", card.getText()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static int indexOf(List<WebElement> cards, String incidentKey) {
    for (int i = 0; i < cards.size(); i++) {
      if (cards.get(i).getText().contains(incidentKey)) {
        return i;
      }
    }
    return -1;
  }

  /** An incident waiting for its triage by ops. */
  private String incident(String impact, String urgency, String service) {
    String key = as("mia").post("/api/incidents", "{\"service\":\"" + service + "\",\"title\":\"Checkout errors\","
        + "\"impact\":\"" + impact + "\",\"urgency\":\"" + urgency + "\"}").json().path("incidentKey").asText();
    ProcessInstance process = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(key).singleResult();
    processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
    return key;
  }

  /** A drill of the service-outage plan whose commander has taken command: its first steps wait for ops. */
  private Task drillStepForOps() {
    String activation = as("mia").post("/api/emergency-plans/emergency-plan-service-outage/activations",
        "{\"service\":\"reporting\",\"drill\":true}").json().path("activationKey").asText();
    ProcessInstance plan = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(activation).singleResult();
    Task command = processEngine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).singleResult();
    processEngine.getTaskService().claim(command.getId(), "mia");
    processEngine.getTaskService().complete(command.getId(), Map.of("proceed", true, "briefing", "a drill"));
    return processEngine.getTaskService().createTaskQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("Task_FailOver").singleResult();
  }
}
