package io.opsflow.kernel.webhook;

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
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OpsFlow's outbound webhooks (deploy hooks, emergency-plan actions): a JSON POST whose body is
 * signed with HMAC-SHA256 in {@code X-OpsFlow-Signature: sha256=<hex>}, with
 * {@code X-OpsFlow-Event} and a {@code X-OpsFlow-Delivery} id that stays the same on retries, so
 * receivers can ignore repeats. Anything but 2xx throws: the calling process step is retried by
 * the engine and finally shows an incident in Cockpit.
 */
@Component
public class SignedWebhook {

  public static final String SIGNATURE_HEADER = "X-OpsFlow-Signature";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;

  SignedWebhook(ObjectMapper json) {
    this.json = json;
  }

  public record Target(String url, String secret, Map<String, String> headers) {

    public Target {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }

  /** Sends the payload as JSON and returns the HTTP status (always 2xx; anything else throws). */
  public int post(Target target, String event, String delivery, Map<String, ?> payload)
      throws IOException, InterruptedException {
    String body = json.writeValueAsString(payload);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-OpsFlow-Event", event)
        .header("X-OpsFlow-Delivery", delivery)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target.secret() != null && !target.secret().isBlank()) {
      request.header(SIGNATURE_HEADER, "sha256=" + sign(target.secret(), body));
    }
    target.headers().forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new Rejected(response.statusCode(), event + " webhook " + target.url() + " answered HTTP " + response.statusCode());
    }
    return response.statusCode();
  }

  /** The receiver answered, but not with 2xx. */
  public static class Rejected extends IllegalStateException {

    private final int status;

    Rejected(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
