package io.opsflow.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.Decisions;

/**
 * Checks an Alertmanager webhook and turns its alerts into observations. Impact comes from the
 * service's tier and urgency from the severity label, through the {@code alert-impact} and
 * {@code alert-urgency} decisions.
 */
@Component
class AlertmanagerTranslator {

  static final int MAX_ALERTS = 500;
  static final int MAX_FINGERPRINT = 128;

  private final ServiceCatalog catalog;
  private final Decisions decisions;
  private final AlertProperties properties;
  private final ObjectMapper json;

  AlertmanagerTranslator(ServiceCatalog catalog, Decisions decisions, AlertProperties properties, ObjectMapper json) {
    this.catalog = catalog;
    this.decisions = decisions;
    this.properties = properties;
    this.json = json;
  }

  List<Observation> translate(AlertmanagerWebhook webhook, String sender) {
    check(webhook);
    return webhook.alerts().stream().map(alert -> observation(alert, sender)).toList();
  }

  private static void check(AlertmanagerWebhook webhook) {
    if (!"4".equals(webhook.version())) {
      throw ApiException.badRequest("Unsupported webhook version '" + webhook.version()
          + "'; OpsFlow reads Alertmanager's webhook version 4.");
    }
    if (webhook.alerts() == null || webhook.alerts().isEmpty()) {
      throw ApiException.badRequest("The webhook carries no alerts; nothing was recorded.");
    }
    if (webhook.alerts().size() > MAX_ALERTS) {
      throw ApiException.badRequest("The webhook carries " + webhook.alerts().size() + " alerts; at most " + MAX_ALERTS
          + " are accepted at once (set max_alerts in Alertmanager's webhook_config).");
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < webhook.alerts().size(); i++) {
      AlertmanagerWebhook.Alert alert = webhook.alerts().get(i);
      if (alert == null) {
        problems.add("alerts[" + i + "] is null");
        continue;
      }
      if (!"firing".equals(alert.status()) && !"resolved".equals(alert.status())) {
        problems.add("alerts[" + i + "].status must be firing or resolved");
      }
      if (alert.fingerprint() == null || alert.fingerprint().isBlank() || alert.fingerprint().length() > MAX_FINGERPRINT) {
        problems.add("alerts[" + i + "].fingerprint must be 1-" + MAX_FINGERPRINT + " characters");
      }
      if (alert.labels() == null) {
        problems.add("alerts[" + i + "].labels are missing");
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("Invalid webhook, nothing was recorded: " + String.join("; ", problems));
    }
  }

  private Observation observation(AlertmanagerWebhook.Alert alert, String sender) {
    Map<String, String> labels = alert.labels();
    Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
    String serviceName = properties.serviceLabels().stream().map(labels::get)
        .filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
    Optional<Service> service = Optional.ofNullable(serviceName).flatMap(catalog::find);
    String severity = labels.get(properties.severityLabel());
    String alertName = labels.getOrDefault("alertname", "alert");
    String summary = annotations.get("summary");

    Map<String, Object> tier = new HashMap<>();
    tier.put("serviceTier", service.map(Service::tier).orElse(null));
    Map<String, Object> level = new HashMap<>();
    level.put("severity", severity);
    String impact = (String) decisions.single("alert-impact", tier).get("impact");
    String urgency = (String) decisions.single("alert-urgency", level).get("urgency");

    String title = summary != null && !summary.isBlank() ? summary
        : alertName + (serviceName == null ? "" : " on " + serviceName);
    IncidentReport report = new IncidentReport(serviceName, shorten(title, 300), description(alert, annotations),
        impact, urgency, "alertmanager", sender);
    return new Observation(alert.fingerprint(), "firing".equals(alert.status()), shorten(alertName, 200), severity,
        summary == null ? null : shorten(summary, 1000), labelsJson(labels), shorten(alert.generatorURL(), 2000),
        instant(alert.startsAt()), instant(alert.endsAt()), report);
  }

  private static String description(AlertmanagerWebhook.Alert alert, Map<String, String> annotations) {
    String labels = new TreeMap<>(alert.labels()).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    return String.join("\n", List.of(annotations.getOrDefault("description", ""), "Labels: " + labels,
        alert.generatorURL() == null ? "" : "Source: " + alert.generatorURL())).strip();
  }

  private String labelsJson(Map<String, String> labels) {
    try {
      return json.writeValueAsString(new TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Alertmanager marks "no end yet" with year 1. */
  private static Instant instant(OffsetDateTime time) {
    return time == null || time.getYear() < 1970 ? null : time.toInstant();
  }

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
