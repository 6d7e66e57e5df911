package io.opsflow.metrics.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Grafana dashboard and the Prometheus files in {@code docs/}, as the tests read them. */
final class MonitoringDocs {

  static final Path DASHBOARD = Path.of("docs/grafana/opsflow.json");
  static final Path RULES = Path.of("docs/prometheus/opsflow.rules.yml");
  static final Path SCRAPE_CONFIG = Path.of("docs/prometheus/prometheus.yml");

  private MonitoringDocs() {
  }

  static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(DASHBOARD.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return (Map<String, Object>) new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rules() {
    return ((List<Map<String, Object>>) yaml(RULES).get("groups")).stream()
        .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
  }

  /** Every PromQL expression of the dashboard (panel targets and query variables) and of the rules, by where it is. */
  static Map<String, String> expressions() {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (JsonNode panel : dashboard().path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        expressions.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard().path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        String query = variable.path("query").path("query").asText();
        // label_values(metric, label) names the metric as its first argument
        expressions.put("variable '" + variable.path("name").asText() + "'",
            query.replaceFirst("^label_values\\(([^,]+),.*\\)$", "$1"));
      }
    }
    for (Map<String, Object> rule : rules()) {
      expressions.put("rule " + rule.get("alert"), String.valueOf(rule.get("expr")));
    }
    return expressions;
  }
}
