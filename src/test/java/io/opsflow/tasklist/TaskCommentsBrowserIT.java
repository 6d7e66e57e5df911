package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.opsflow.support.Browser;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/** A real browser: olivia adds a comment to her group's task in Tasklist and reads it in the task's history. */
class TaskCommentsBrowserIT extends IntegrationTest {

  @Test
  void oliviaCommentsOnHerGroupsTaskAndSeesTheCommentInItsHistory() throws Exception {
    String instance = startTaskVisibilityProcess().getId();
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_Ops").singleResult();
    String name = "Restart web-01" + Fixtures.uniqueSuffix();
    task.setName(name);
    processEngine.getTaskService().saveTask(task);
    // ChromeDriver types only characters of the Basic Multilingual Plane: Chinese, no emoji
    String message = "已重启 web-01，内存恢复正常 (restarted)";

    try (Browser browser = Browser.open(port)) {
      browser.go("/camunda/app/tasklist/default/").signIn("olivia", "demo");
      browser.waitForText("My groups' tasks").click();
      browser.click(By.xpath("//li[contains(@class,'task')][.//*[normalize-space(.)='" + name + "']]"));
      browser.click(By.cssSelector(".createCommentLink"));
      browser.waitFor(By.id("comment-form-message")).sendKeys(message);
      browser.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Save']"));
      browser.waitUntil(Duration.ofSeconds(30),
          () -> processEngine.getTaskService().getTaskComments(task.getId()).size() == 1);
      browser.waitForWebappRequests();
      browser.click(By.xpath("//a[normalize-space(.)='History']"));
      browser.waitForText(message);
      browser.waitForWebappRequests();
      browser.screenshot("task-comment-in-history");

      assertThat(browser.showsText("Comment could not be saved")).isFalse();
      assertThat(browser.all(By.cssSelector(".alert-danger, .alert-error")).stream().filter(e -> e.isDisplayed()))
          .as("error notifications").isEmpty();
    }
    assertThat(processEngine.getTaskService().getTaskComments(task.getId())).singleElement().satisfies(comment -> {
      assertThat(comment.getUserId()).isEqualTo("olivia");
      assertThat(comment.getFullMessage()).isEqualTo(message);
    });
  }
}
