package io.opsflow.change;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls a service's deploy hook when its change's gate opens (a Jenkins job, a GitHub
 * workflow_dispatch relay, ...). The JSON body is signed with HMAC-SHA256 in
 * {@code X-OpsFlow-Signature: sha256=<hex>}; {@code X-OpsFlow-Delivery} is the change key, the
 * same on every retry, so a receiver can ignore repeats. Anything but 2xx throws, so the engine
 * retries the step and finally shows an incident in Cockpit.
 */
@Component
class DeployHooks {

  static final String SIGNATURE_HEADER = "X-OpsFlow-Signature";

  private final ChangeProperties properties;
  private final ObjectMapper json;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  DeployHooks(ChangeProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  boolean configured(String service) {
    ChangeProperties.DeployHook hook = properties.deployHooks().get(service);
    return hook != null && hook.url() != null && !hook.url().isBlank();
  }

  int trigger(Change change) throws IOException, InterruptedException {
    ChangeProperties.DeployHook hook = properties.deployHooks().get(change.serviceKey());
    String body = body(change);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.url()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-OpsFlow-Event", "change.gate-approved")
        .header("X-OpsFlow-Delivery", change.changeKey())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (hook.secret() != null && !hook.secret().isBlank()) {
      request.header(SIGNATURE_HEADER, "sha256=" + sign(hook.secret(), body));
    }
    hook.headers().forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Deploy hook of " + change.serviceKey() + " answered HTTP " + response.statusCode());
    }
    return response.statusCode();
  }

  private String body(Change change) throws JsonProcessingException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "change.gate-approved");
    body.put("changeKey", change.changeKey());
    body.put("service", change.serviceKey());
    body.put("version", change.version());
    body.put("commitSha", change.commitSha());
    body.put("pipelineUrl", change.pipelineUrl());
    body.put("reportUrl", "/api/changes/" + change.changeKey() + "/deployment");
    return json.writeValueAsString(body);
  }

  static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
