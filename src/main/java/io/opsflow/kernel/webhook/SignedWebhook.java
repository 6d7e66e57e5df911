package io.opsflow.kernel.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OpsFlow's outbound webhooks (deploy hooks, emergency-plan actions): a JSON POST with
 * {@code X-OpsFlow-Event} and a delivery id that stays the same on retries, so receivers can
 * ignore repeats. With a secret, it is signed as Standard Webhooks says ({@code webhook-id} = the
 * delivery id, {@code webhook-timestamp}, {@code webhook-signature}: see
 * {@link StandardWebhookSigner}), which also lets receivers reject replays.
 * <p>
 * The older headers, {@code X-OpsFlow-Delivery} and {@code X-OpsFlow-Signature: sha256=<hex
 * HMAC-SHA256 of the body, keyed by the secret's UTF-8 bytes>}, are still sent in this release so
 * existing receivers keep working while they move to the Standard Webhooks headers; they go away
 * in the next release.
 * <p>
 * Anything but 2xx throws: the calling process step is retried by the engine and finally shows an
 * incident in Cockpit.
 */
@Component
public class SignedWebhook {

  /** Deprecated: sent for one more release next to {@code webhook-signature}. */
  public static final String SIGNATURE_HEADER = "X-OpsFlow-Signature";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final Clock clock;

  @Autowired
  SignedWebhook(ObjectMapper json) {
    this(json, Clock.systemUTC());
  }

  SignedWebhook(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
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
      StandardWebhookSigner.headers(target.secret(), delivery, clock.instant().getEpochSecond(), body)
          .forEach(request::header);
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

  /** The deprecated {@code X-OpsFlow-Signature} value, without its {@code sha256=} prefix. */
  public static String sign(String secret, String body) {
    return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
  }
}
