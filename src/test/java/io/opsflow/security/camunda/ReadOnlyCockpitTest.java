package io.opsflow.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadOnlyCockpitTest {

  private static final String PAGE = """
      <html><head><title>Camunda Cockpit</title>
      <base href="/camunda/app/cockpit/default/" app-root="/camunda" app-name="cockpit" />
      <!-- <base href="$BASE" cam-exclude-plugins="cockpit.dashboard:process-definition-tiles" /> -->
      <link href="/camunda/app/cockpit/camunda-cockpit-bootstrap.css" rel="stylesheet"></head><body></body></html>""";

  @Test
  void theActionsAreExcludedOnTheRealBaseTagAndTheStylesheetComesLast() {
    String page = ReadOnlyCockpit.readOnly(PAGE, "/camunda");

    assertThat(page).contains("<base cam-exclude-plugins=\"cockpit.processDefinition.runtime.action,"
        + "cockpit.processInstance.runtime.action:add-variable-action,"
        + "cockpit.processInstance.runtime.action:cancel-process-instance-action,"
        + "cockpit.processInstance.runtime.action:update-suspension-state-action,"
        + "cockpit.processInstance.runtime.action:job-retry-action,cockpit.incident.action,cockpit.jobDefinition.action,"
        + "cockpit.repository.deployment.action,cockpit.processes.action,cockpit.navigation:batch\" href=");
    assertThat(page.indexOf("camunda-cockpit-bootstrap.css")).isLessThan(page.indexOf("/camunda/app/opsflow/read-only.css"));
    assertThat(page).endsWith("<link href=\"/camunda/app/opsflow/read-only.css\" rel=\"stylesheet\"></head><body></body></html>");
  }

  @Test
  void aPageWithoutBaseTagStaysAsItIs() {
    assertThat(ReadOnlyCockpit.readOnly("<html><head></head></html>", "/camunda")).isEqualTo("<html><head></head></html>");
  }
}
