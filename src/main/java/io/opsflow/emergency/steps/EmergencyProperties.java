package io.opsflow.emergency.steps;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.opsflow.kernel.webhook.SignedWebhook;

/** @param actions automated plan actions by name (a plan's service task names one): URL, HMAC secret, headers */
@ConfigurationProperties("opsflow.emergency")
record EmergencyProperties(Map<String, SignedWebhook.Target> actions) {

  EmergencyProperties {
    actions = actions == null ? Map.of() : Map.copyOf(actions);
  }
}
