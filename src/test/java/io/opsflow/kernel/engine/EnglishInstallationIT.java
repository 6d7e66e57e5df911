package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import io.opsflow.support.IntegrationTest;

/**
 * The integration tests run an English installation (the default {@code opsflow.language}): the
 * models as they are (Cockpit draws their English names) and the English forms, deployed under their
 * plain names. The Chinese installation is {@code ChineseInstallationAcceptanceIT}'s.
 */
class EnglishInstallationIT extends IntegrationTest {

  @Test
  void processesAreNamedAndDrawnAsInTheModelsAndTheirFormsAreTheEnglishOnes() throws IOException {
    RepositoryService repository = processEngine.getRepositoryService();
    ProcessDefinition incidents = repository.createProcessDefinitionQuery().processDefinitionKey("incident-response")
        .latestVersion().singleResult();

    assertThat(incidents.getName()).isEqualTo("Report incident");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("change-release").latestVersion()
        .singleResult().getName()).isEqualTo("Request change");
    assertThat(repository.getDeploymentResourceNames(incidents.getDeploymentId()))
        .contains("forms/acknowledge-triage.form", "forms/request-change.form").noneMatch(name -> name.contains("zh-CN"));
    try (InputStream form = repository.getResourceAsStream(incidents.getDeploymentId(), "forms/acknowledge-triage.form")) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("#### Acknowledge & triage")
          .doesNotContain("确认与分诊");
    }
    try (InputStream model = repository.getResourceAsStream(incidents.getDeploymentId(), incidents.getResourceName())) {
      assertThat(new String(model.readAllBytes(), StandardCharsets.UTF_8))
          .contains("name=\"Incident reported\"", "name=\"Register incident\"").doesNotContain("确认与分诊");
    }
  }
}
