package io.opsflow.incident.intake;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Which alert labels name the service and the severity, and how large a webhook may be.
 *
 * @param serviceLabels labels tried in order for the catalog service key
 * @param severityLabel the label read as severity (input of the {@code alert-urgency} decision)
 * @param maxBodySize the largest Alertmanager webhook accepted: up to 500 alerts with all their
 *     labels and annotations, beyond the general {@code opsflow.api.max-body-size}, because
 *     Alertmanager does not retry a refused webhook
 */
@ConfigurationProperties("opsflow.alerts")
public record AlertProperties(List<String> serviceLabels, String severityLabel, DataSize maxBodySize) {

  public AlertProperties {
    serviceLabels = serviceLabels == null || serviceLabels.isEmpty() ? List.of("service") : List.copyOf(serviceLabels);
    severityLabel = severityLabel == null || severityLabel.isBlank() ? "severity" : severityLabel;
    maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(16) : maxBodySize;
  }
}
