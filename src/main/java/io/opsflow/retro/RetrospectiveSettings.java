package io.opsflow.retro;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param observationWindow how long after a change its retrospective waits, and looks back on
 * @param observationWindows the same per service key
 */
@ConfigurationProperties("opsflow.retrospectives")
record RetrospectiveSettings(Duration observationWindow, Map<String, Duration> observationWindows) {

  RetrospectiveSettings {
    observationWindow = observationWindow == null ? Duration.ofDays(7) : observationWindow;
    observationWindows = observationWindows == null ? Map.of() : Map.copyOf(observationWindows);
  }

  Duration forService(String service) {
    return observationWindows.getOrDefault(service, observationWindow);
  }
}
