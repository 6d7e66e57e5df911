package io.opsflow.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape of the Grafana dashboard and the Prometheus files. With {@code promtool} on the PATH (CI
 * installs Debian's {@code prometheus} package), Prometheus's own checker loads the rules and the scrape
 * config; without it those two tests are skipped and the structural checks here still run.
 * {@code PrometheusIT} checks that every series they query is one OpsFlow exports.
 */
class MonitoringDocsTest {

  private static final String DATASOURCE = "${DS_PROMETHEUS}";

  @Test
  void dashboardIsForGrafana10WithPrometheusAsAVariable() {
    JsonNode dashboard = MonitoringDocs.dashboard();

    assertThat(dashboard.path("schemaVersion").asInt()).as("Grafana 10 writes 37-39").isBetween(37, 39);
    assertThat(dashboard.path("uid").asText()).isEqualTo("opsflow-overview");
    assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).contains("DS_PROMETHEUS");
    JsonNode variable = dashboard.path("templating").path("list").get(0);
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
    assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
      JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText()).isLessThanOrEqualTo(24);
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(DATASOURCE);
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
        assertThat(target.path("expr").asText()).isNotBlank();
      }
    }
    assertThat(ids).hasSizeGreaterThan(15);
  }

  @Test
  void everyRuleHasANameAnExpressionASeverityAndASummary() {
    List<Map<String, Object>> rules = MonitoringDocs.rules();

    assertThat(rules).extracting(rule -> rule.get("alert")).contains("OpsFlowDown", "OpsFlowSlaBreaches",
        "OpsFlowNotificationsFailing", "OpsFlowJobsFailing").doesNotHaveDuplicates();
    for (Map<String, Object> rule : rules) {
      assertThat(String.valueOf(rule.get("alert"))).matches("OpsFlow[A-Z][A-Za-z]+");
      assertThat(String.valueOf(rule.get("expr"))).isNotBlank();
      assertThat(rule.get("labels")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("service", "opsflow").extracting(labels -> labels.get("severity")).isIn("critical", "warning", "info");
      assertThat(rule.get("annotations")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsKeys("summary", "description");
      if (rule.containsKey("for")) {
        assertThat(String.valueOf(rule.get("for"))).matches("\\d+[smh]");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void scrapeConfigReadsTheActuatorWithATokenFile() {
    Map<String, Object> job = ((List<Map<String, Object>>) MonitoringDocs.yaml(MonitoringDocs.SCRAPE_CONFIG)
        .get("scrape_configs")).get(0);

    assertThat(job).containsEntry("job_name", "opsflow").containsEntry("metrics_path", "/actuator/prometheus");
    assertThat((Map<String, Object>) job.get("authorization")).containsEntry("type", "Bearer")
        .containsKey("credentials_file");
  }

  @Test
  void promtoolLoadsTheRules() throws Exception {
    Assumptions.assumeTrue(promtool(), "promtool is not installed");

    assertThat(run("promtool", "check", "rules", MonitoringDocs.RULES.toString())).contains("SUCCESS: 11 rules found");
  }

  @Test
  void promtoolLoadsTheScrapeConfig(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(promtool(), "promtool is not installed");
    // promtool wants the token file to exist: the same config with a token file here
    Path token = Files.writeString(dir.resolve("opsflow.token"), "token");
    Files.copy(MonitoringDocs.RULES, dir.resolve("opsflow.rules.yml"));
    Path config = Files.writeString(dir.resolve("prometheus.yml"), Files.readString(MonitoringDocs.SCRAPE_CONFIG)
        .replace("/etc/prometheus/opsflow.token", token.toString()));

    assertThat(run("promtool", "check", "config", config.toString())).contains("is valid prometheus config file syntax");
  }

  private static boolean promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "promtool"))) {
        return true;
      }
    }
    return false;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    assertThat(process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
