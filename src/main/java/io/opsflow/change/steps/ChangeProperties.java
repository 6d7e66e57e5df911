package io.opsflow.change.steps;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.opsflow.kernel.webhook.SignedWebhook;

/**
 * @param window how long a change occupies its service, from its planned start (or request), when
 *     looking for conflicting changes
 * @param deployTimeout how long after the gate opens a deployment report may take before ops
 *     investigate
 * @param deployHooks per service key: the URL called when the gate opens, its HMAC secret and extra headers
 */
@ConfigurationProperties("opsflow.changes")
public record ChangeProperties(Duration window, Duration deployTimeout, Map<String, SignedWebhook.Target> deployHooks) {

  public ChangeProperties {
    window = window == null ? Duration.ofHours(2) : window;
    deployTimeout = deployTimeout == null ? Duration.ofHours(2) : deployTimeout;
    deployHooks = deployHooks == null ? Map.of() : Map.copyOf(deployHooks);
  }
}
