package io.opsflow.change.steps;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.opsflow.change.Change;
import io.opsflow.kernel.webhook.SignedWebhook;

/**
 * Calls a service's deploy hook when its change's gate opens (a Jenkins job, a GitHub
 * workflow_dispatch relay, ...), as a signed webhook whose delivery id is the change key.
 */
@Component
class DeployHooks {

  private final ChangeProperties properties;
  private final SignedWebhook webhook;

  DeployHooks(ChangeProperties properties, SignedWebhook webhook) {
    this.properties = properties;
    this.webhook = webhook;
  }

  boolean configured(String service) {
    SignedWebhook.Target hook = properties.deployHooks().get(service);
    return hook != null && hook.configured();
  }

  int trigger(Change change) throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "change.gate-approved");
    body.put("changeKey", change.changeKey());
    body.put("service", change.serviceKey());
    body.put("version", change.version());
    body.put("commitSha", change.commitSha());
    body.put("pipelineUrl", change.pipelineUrl());
    body.put("reportUrl", "/api/changes/" + change.changeKey() + "/deployment");
    return webhook.post(properties.deployHooks().get(change.serviceKey()), "change.gate-approved", change.changeKey(),
        body);
  }
}
