package io.opsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the class's report from camunda-process-test-coverage (written when the Spring test
 * context finishes the class, so this extension must be registered before the SpringExtension)
 * and fails a {@link FullProcessCoverage} class that left an element or a flow of its models unwalked.
 */
public class ProcessCoverageGate implements AfterAllCallback {

  private static final Pattern ELEMENT = Pattern.compile(
      "<bpmn:(?:sequenceFlow|startEvent|endEvent|boundaryEvent|intermediateCatchEvent|intermediateThrowEvent|"
          + "serviceTask|userTask|businessRuleTask|sendTask|receiveTask|scriptTask|manualTask|task|callActivity|"
          + "subProcess|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway)\\b[^>]*?\\bid=\"([^\"]+)\"");

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    FullProcessCoverage required = context.getRequiredTestClass().getAnnotation(FullProcessCoverage.class);
    if (required == null) {
      return;
    }
    Path report = Path.of("target", "process-test-coverage", context.getRequiredTestClass().getName(), "report.json");
    assertThat(report).as("process coverage report").exists();
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    for (String processKey : required.value()) {
      JsonNode model = null;
      for (JsonNode candidate : json.path("models")) {
        if (candidate.path("key").asText().equals(processKey)) {
          model = candidate;
        }
      }
      assertThat(model).as("%s was not run by %s", processKey, context.getDisplayName()).isNotNull();
      Set<String> elements = new TreeSet<>();
      Matcher matcher = ELEMENT.matcher(model.path("xml").asText());
      while (matcher.find()) {
        elements.add(matcher.group(1));
      }
      // the pattern must see what the coverage library counts, or the gate would check nothing
      assertThat(elements).as("elements and flows of %s", processKey).hasSize(model.path("totalElementCount").asInt());
      Set<String> walked = new LinkedHashSet<>();
      for (JsonNode suite : json.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            if (event.path("modelKey").asText().equals(processKey)) {
              walked.add(event.path("definitionKey").asText());
            }
          }
        }
      }
      elements.removeAll(walked);
      assertThat(elements).as("elements and flows of %s that no test walked", processKey).isEmpty();
    }
  }
}
