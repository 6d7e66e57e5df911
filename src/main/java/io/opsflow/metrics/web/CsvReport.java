package io.opsflow.metrics.web;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.metrics.Report;

/**
 * A report as CSV (RFC 4180): one row per figure of the whole period, then per figure of each point
 * of the series. A figure under a key (SLA attainment per priority and target, incidents per
 * priority) names it: {@code slaAttainment,P1.acknowledge}.
 */
final class CsvReport {

  static final String HEADER = "start,end,figure,key,value,unit,band,p90,count";

  private CsvReport() {
  }

  /** @param json the application's mapper, which writes codes as the JSON answer does */
  static String of(Report<?> report, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    rows(csv, report.from(), report.to(), json.valueToTree(report.figures()));
    report.series().forEach(point -> rows(csv, point.start(), point.end(), json.valueToTree(point.figures())));
    return csv.toString();
  }

  private static void rows(StringBuilder csv, Instant start, Instant end, JsonNode figures) {
    for (Iterator<Map.Entry<String, JsonNode>> it = figures.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> figure = it.next();
      rows(csv, start, end, figure.getKey(), "", figure.getValue());
    }
  }

  private static void rows(StringBuilder csv, Instant start, Instant end, String name, String key, JsonNode node) {
    if (node.has("unit")) {
      csv.append(start).append(',').append(end).append(',').append(name).append(',').append(key).append(',')
          .append(text(node.get("value"))).append(',').append(quoted(node.path("unit").asText())).append(',')
          .append(text(node.get("band"))).append(',').append(text(node.get("p90"))).append(',')
          .append(node.path("count").asLong()).append("\r\n");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> child = it.next();
      rows(csv, start, end, name, key.isEmpty() ? child.getKey() : key + "." + child.getKey(), child.getValue());
    }
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static String quoted(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
