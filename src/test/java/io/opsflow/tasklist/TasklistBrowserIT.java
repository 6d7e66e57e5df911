package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opsflow.support.Browser;
import io.opsflow.support.IntegrationTest;

/** A real browser: one sign-in for Tasklist, the person's filters and tasks, and no way into Admin. */
class TasklistBrowserIT extends IntegrationTest {

  @Test
  void oliviaSignsInOnceSeesHerGroupsTaskAndIsKeptOutOfAdmin() throws Exception {
    startTaskVisibilityProcess();

    try (Browser browser = Browser.open(port)) {
      browser.go("/camunda/app/tasklist/default/");
      assertThat(browser.url()).endsWith("/login");

      browser.signIn("olivia", "demo");
      browser.waitForText("My groups' tasks").click();
      browser.waitForText("Ops work");
      browser.screenshot("tasklist-olivia");

      assertThat(browser.url()).contains("/camunda/app/tasklist/default/");
      assertThat(browser.showsText("My tasks")).isTrue();
      assertThat(browser.showsText("Overdue")).isTrue();
      assertThat(browser.showsText("Dev work")).isFalse();
      assertThat(browser.showsText("QA work")).isFalse();

      browser.go("/camunda/app/admin/default/");
      assertThat(browser.pageText()).contains("Your account may not use GET /camunda/app/admin/default/")
          .contains("Back to Tasklist");
    }
  }

  @Test
  void signingOutInTasklistEndsTheSessionAndLeadsBackToTheOneSignInPage() throws Exception {
    try (Browser browser = Browser.open(port)) {
      browser.go("/").signIn("devon", "demo");
      browser.waitForText("Devon Dev").click();
      browser.waitForText("Log out").click();
      browser.waitUntilUrlEndsWith("/login");

      browser.go("/camunda/app/tasklist/default/");
      assertThat(browser.url()).as("the session is gone").endsWith("/login");

      browser.signIn("devon", "demo");
      browser.waitForText("My tasks");
      assertThat(browser.url()).contains("/camunda/app/");
    }
  }
}
