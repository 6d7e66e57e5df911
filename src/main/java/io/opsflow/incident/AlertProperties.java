package io.opsflow.incident;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which alert labels name the service and the severity.
 *
 * @param serviceLabels labels tried in order for the catalog service key
 * @param severityLabel the label read as severity (input of the {@code alert-urgency} decision)
 */
@ConfigurationProperties("opsflow.alerts")
record AlertProperties(List<String> serviceLabels, String severityLabel) {

  AlertProperties {
    serviceLabels = serviceLabels == null || serviceLabels.isEmpty() ? List.of("service") : List.copyOf(serviceLabels);
    severityLabel = severityLabel == null || severityLabel.isBlank() ? "severity" : severityLabel;
  }
}
