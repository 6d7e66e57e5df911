package io.opsflow.incident.intake;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Prometheus Alertmanager's webhook body, version "4". Fields OpsFlow does not use are ignored,
 * so newer Alertmanager versions keep working; the ones it uses must have the right type. Times
 * stay text here: one that OpsFlow cannot store is noted and left out, not a reason to refuse.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AlertmanagerWebhook(String version, String status, String receiver, String externalURL,
    Map<String, String> commonLabels, List<Alert> alerts) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
      String endsAt, String generatorURL, String fingerprint) {
  }
}
