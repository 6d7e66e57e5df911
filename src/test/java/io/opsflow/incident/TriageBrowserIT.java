package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.opsflow.support.Browser;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * In a real browser: an alert from the webhook becomes a triage task; olivia claims it in Tasklist,
 * fills the Camunda Form and completes it, and the incident moves on to diagnosis.
 */
class TriageBrowserIT extends IntegrationTest {

  @Test
  void oliviaTriagesAnAlertIncidentInTasklist() throws Exception {
    String suffix = Fixtures.uniqueSuffix();
    var opened = api().bearer("demo-alert-token").post("/api/alerts/alertmanager",
        Fixtures.alertmanager("unknown-service", suffix));
    String key = opened.json().path("opened").get(0).asText();
    ProcessInstance process = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(key).singleResult();
    Job notify = processEngine.getManagementService().createJobQuery().processInstanceId(process.getId()).singleResult();
    processEngine.getManagementService().executeJob(notify.getId());

    try (Browser browser = Browser.open(port)) {
      browser.go("/camunda/app/tasklist/default/").signIn("olivia", "demo");
      browser.waitForText("My groups' tasks").click();
      browser.waitFor(By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.), '" + key + "')]]"))
          .click();
      browser.screenshot("triage-1-selected");
      browser.waitForText("Claim").click();
      browser.choose("ops: infrastructure");
      browser.choose("Outage: down or unreachable");
      browser.screenshot("triage-2-filled");
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.waitUntil(Duration.ofSeconds(30), () -> processEngine.getTaskService().createTaskQuery()
          .processInstanceId(process.getId()).taskDefinitionKey("Task_DiagnoseMitigate").count() == 1);
      browser.screenshot("triage-3-completed");
    }

    var incident = as("olivia").get("/api/incidents/" + key).json();
    assertThat(incident.path("state").asText()).isEqualTo("acknowledged");
    assertThat(incident.path("acknowledgedBy").asText()).isEqualTo("olivia");
    assertThat(incident.path("diagnosisGroup").asText()).isEqualTo("ops");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_DiagnoseMitigate");
  }
}
