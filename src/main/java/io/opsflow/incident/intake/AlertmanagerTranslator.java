package io.opsflow.incident.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import io.opsflow.incident.AlertStatus;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.text.StorableTime;
import io.opsflow.kernel.text.Texts;

/**
 * Checks an Alertmanager webhook and turns its alerts into observations. Impact comes from the
 * service's tier and urgency from the severity label, through the {@code alert-impact} and
 * {@code alert-urgency} decisions. A webhook that is not Alertmanager's is refused whole; an alert
 * in it is never refused for a field too long to store or a time outside what OpsFlow stores: the
 * field is cut (the time left out) and the incident says so.
 */
@Component
public class AlertmanagerTranslator {

  static final int MAX_ALERTS = 500;
  public static final int MAX_FINGERPRINT = 128;
  /** Column sizes of incident_alert and incident. */
  public static final int MAX_ALERT_NAME = 200;
  static final int MAX_SEVERITY = 40;
  public static final int MAX_SUMMARY = 1000;
  static final int MAX_GENERATOR_URL = 2000;
  static final int MAX_SERVICE = 200;
  static final int MAX_TITLE = 300;
  static final int MAX_DESCRIPTION = 10_000;
  static final int MAX_LABELS = Texts.TEXT_COLUMN_MAX;
  static final int MAX_LABEL_NAME = 200;
  static final int MAX_LABEL_VALUE = 1000;

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
      throw Refusal.invalid("Unsupported webhook version '" + webhook.version()
          + "'; OpsFlow reads Alertmanager's webhook version 4.");
    }
    if (webhook.alerts() == null || webhook.alerts().isEmpty()) {
      throw Refusal.invalid("The webhook carries no alerts; nothing was recorded.");
    }
    if (webhook.alerts().size() > MAX_ALERTS) {
      throw Refusal.invalid("The webhook carries " + webhook.alerts().size() + " alerts; at most " + MAX_ALERTS
          + " are accepted at once (set max_alerts in Alertmanager's webhook_config).");
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < webhook.alerts().size(); i++) {
      AlertmanagerWebhook.Alert alert = webhook.alerts().get(i);
      if (alert == null) {
        problems.add("alerts[" + i + "] is null");
        continue;
      }
      if (Codes.find(AlertStatus.class, alert.status()).isEmpty()) {
        problems.add("alerts[" + i + "].status must be firing or resolved");
      }
      if (alert.fingerprint() == null || alert.fingerprint().isBlank()) {
        problems.add("alerts[" + i + "].fingerprint must not be blank");
      }
      if (alert.labels() == null) {
        problems.add("alerts[" + i + "].labels are missing");
      }
      for (String field : List.of("startsAt", "endsAt")) {
        String time = "startsAt".equals(field) ? alert.startsAt() : alert.endsAt();
        if (time != null && parse(time) == null) {
          problems.add("alerts[" + i + "]." + field + " must be an RFC 3339 time, e.g. 2026-11-20T08:41:00Z");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid webhook, nothing was recorded: " + String.join("; ", problems));
    }
  }

  private Observation observation(AlertmanagerWebhook.Alert alert, String sender) {
    AlertClipping clipping = new AlertClipping();
    Map<String, String> labels = alert.labels();
    Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
    String serviceName = properties.serviceLabels().stream().map(labels::get).flatMap(value -> present(value).stream())
        .findFirst().orElse(null);
    Optional<Service> service = Optional.ofNullable(serviceName).flatMap(catalog::find);
    String severity = clipping.fit("label " + properties.severityLabel(), labels.get(properties.severityLabel()),
        MAX_SEVERITY);
    String alertName = clipping.fit("label alertname", present(labels.get("alertname")).orElse("alert"),
        MAX_ALERT_NAME);
    String summary = clipping.fit("annotation summary", annotations.get("summary"), MAX_SUMMARY);
    String reportedService = clipping.fit("service label", serviceName, MAX_SERVICE);
    boolean firing = AlertStatus.FIRING.code().equals(alert.status());
    IncidentReport report = null;
    if (firing) {
      Map<String, Object> tier = new HashMap<>();
      tier.put("serviceTier", service.map(Service::tier).orElse(null));
      Map<String, Object> level = new HashMap<>();
      level.put("severity", severity);
      String impact = (String) decisions.single("alert-impact", tier).get("impact");
      String urgency = (String) decisions.single("alert-urgency", level).get("urgency");
      String title = summary != null && !summary.isBlank() ? summary
          : alertName + (reportedService == null ? "" : " on " + reportedService);
      report = new IncidentReport(reportedService, Texts.clip(title, MAX_TITLE),
          clipping.fit("description", description(alert, annotations), MAX_DESCRIPTION), impact, urgency,
          IncidentSource.ALERTMANAGER, sender);
    }
    return new Observation(fingerprint(alert.fingerprint(), clipping), firing, alertName,
        severity, summary, labelsJson(labels, clipping),
        clipping.fit("generatorURL", alert.generatorURL(), MAX_GENERATOR_URL),
        time("startsAt", alert.startsAt(), clipping), time("endsAt", alert.endsAt(), clipping), report,
        clipping.notes());
  }

  private static String description(AlertmanagerWebhook.Alert alert, Map<String, String> annotations) {
    String labels = new TreeMap<>(alert.labels()).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    return String.join("\n", present(annotations.get("description")).orElse(""), "Labels: " + labels,
        present(alert.generatorURL()).map(url -> "Source: " + url).orElse("")).strip();
  }

  /** A label or annotation that says something: JSON may send null or blank for one. */
  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isBlank());
  }

  /**
   * The labels as JSON. When they are too long to store, each name and value is cut to a length
   * of its own, and labels (in name order) are kept while they fit.
   */
  private String labelsJson(Map<String, String> labels, AlertClipping clipping) {
    String whole = write(new TreeMap<>(labels));
    if (whole.length() <= MAX_LABELS) {
      return whole;
    }
    Map<String, String> kept = new TreeMap<>();
    int room = MAX_LABELS - 2;
    int left = 0;
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      String name = Texts.clip(label.getKey(), MAX_LABEL_NAME);
      String value = label.getValue() == null ? null : Texts.clip(label.getValue(), MAX_LABEL_VALUE);
      int size = write(Map.of(name, String.valueOf(value))).length() - 1;
      if (size > room || kept.containsKey(name)) {
        left++;
        continue;
      }
      room -= size;
      kept.put(name, value);
    }
    clipping.note("labels (" + whole.length() + " characters) cut to " + MAX_LABEL_NAME + "-character names and "
        + MAX_LABEL_VALUE + "-character values" + (left == 0 ? "" : ", " + left + " labels left out"));
    return write(kept);
  }

  private String write(Map<String, String> labels) {
    try {
      return json.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Alertmanager's fingerprints are short; a longer one is kept by its SHA-256, which still identifies it. */
  private static String fingerprint(String fingerprint, AlertClipping clipping) {
    if (fingerprint.length() <= MAX_FINGERPRINT) {
      return fingerprint;
    }
    try {
      String hashed = "sha256:" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
      clipping.note("fingerprint (" + fingerprint.length() + " characters) kept as " + hashed);
      return hashed;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Alertmanager marks "no time" with year 1; other times OpsFlow cannot store are left out, with a note. */
  private static Instant time(String field, String text, AlertClipping clipping) {
    OffsetDateTime time = text == null ? null : parse(text);
    if (time == null || time.getYear() <= 1) {
      return null;
    }
    if (!StorableTime.storable(time.toInstant())) {
      clipping.note(field + " " + text + " left out: OpsFlow stores times " + StorableTime.RANGE);
      return null;
    }
    return time.toInstant();
  }

  private static OffsetDateTime parse(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
