package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Against a local receiver that verifies as the Standard Webhooks specification says. */
class WebhookClientTest {

  /** The specification's example secret: whsec_ + Base64 of the key bytes. */
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  final VendorServer receiver = new VendorServer("");
  final WebhookClient client = new WebhookClient(VendorServer.http(), VendorServer.JSON);

  @AfterEach
  void stop() {
    receiver.close();
  }

  ChannelTarget hook(String secret) {
    return new ChannelTarget(ChannelKind.WEBHOOK, receiver.url("/opsflow-events"), secret);
  }

  @Test
  void signedAsStandardWebhooksWithTheMessageAsData() throws Exception {
    Delivery delivery = client.send(hook(SECRET), Messages.incidentOpened());

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.status()).isEqualTo(200);
    VendorServer.Call call = receiver.onlyCall();
    assertThat(call.header("webhook-id")).isEqualTo("msg-INC-2026-0042-mia-7");
    assertThat(call.header("webhook-timestamp")).isEqualTo(Long.toString(VendorServer.NOW.getEpochSecond()));
    byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
    assertThat(call.header("webhook-signature")).isEqualTo("v1," + hmac(key,
        call.header("webhook-id") + "." + call.header("webhook-timestamp") + "." + call.body()));

    JsonNode body = call.json();
    assertThat(body.path("type").asText()).isEqualTo("incident.opened");
    assertThat(body.path("timestamp").asText()).isEqualTo("2026-03-01T02:03:04.567Z");
    JsonNode data = body.path("data");
    assertThat(data.path("reference").asText()).isEqualTo("INC-2026-0042");
    assertThat(data.path("title").asText()).isEqualTo("P1 故障：payments-api 支付失败 🔥");
    assertThat(data.path("text").asText()).contains("😱");
    assertThat(data.path("link").asText()).startsWith("https://opsflow.example.com/");
    assertThat(data.path("facts").path("priority").asText()).isEqualTo("P1");
    assertThat(data.path("mentions").get(0).path("userId").asText()).isEqualTo("mia");
    assertThat(data.path("mentions").get(0).path("email").asText()).isEqualTo("mia@example.com");
  }

  @Test
  void aPlainSecretIsTheKeyAsUtf8Bytes() throws Exception {
    client.send(hook("just a shared text 密"), Messages.english());

    VendorServer.Call call = receiver.onlyCall();
    assertThat(call.header("webhook-signature")).isEqualTo("v1," + hmac("just a shared text 密".getBytes(StandardCharsets.UTF_8),
        "msg-1." + VendorServer.NOW.getEpochSecond() + "." + call.body()));
  }

  @Test
  void retriesKeepTheWebhookId() {
    receiver.answerNext(503, "");

    Delivery first = client.send(hook(SECRET), Messages.english());
    Delivery second = client.send(hook(SECRET), Messages.english());

    assertThat(first).isEqualTo(Delivery.failed(503, "", true));
    assertThat(second.delivered()).isTrue();
    assertThat(receiver.calls()).extracting(call -> call.header("webhook-id")).containsExactly("msg-1", "msg-1");
  }

  @Test
  void goneAndOtherRefusalsAreNotRetryable() {
    receiver.answerNext(410, "endpoint disabled");
    receiver.answerNext(401, "bad signature");
    receiver.answerNext(429, "");

    assertThat(client.send(hook(SECRET), Messages.english()).retryable()).isFalse();
    assertThat(client.send(hook(SECRET), Messages.english()).retryable()).isFalse();
    assertThat(client.send(hook(SECRET), Messages.english()).retryable()).isTrue();
  }

  @Test
  void checkWantsAUrlAndAUsableSecret() {
    client.check(hook(SECRET));
    client.check(hook("plain"));
    assertThatThrownBy(() -> client.check(hook(null))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> client.check(hook("whsec_%%%"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Base64");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.WEBHOOK, "mailto:ops@example.com", SECRET)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http");
  }

  private static String hmac(byte[] key, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }
}
