package io.opsflow.kernel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.support.HookReceiver;

class SignedWebhookTest {

  @Test
  void signatureIsTheHexHmacSha256OfTheBody() {
    // the RFC 2104 example every HMAC-SHA256 implementation publishes
    assertThat(SignedWebhook.sign("key", "The quick brown fox jumps over the lazy dog"))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void standardWebhooksSignatureMatchesTheSpecificationsTestVector() {
    // the vector the Standard Webhooks libraries all test against
    assertThat(StandardWebhookSigner.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aSecretWithoutThePrefixIsUsedAsItsUtf8Bytes() throws Exception {
    String body = "{\"a\":\"告警 🚨\"}";
    assertThat(StandardWebhookSigner.signature("plain 密钥", "msg_1", 1700000000, body))
        .isEqualTo("v1," + hmacBase64("plain 密钥".getBytes(StandardCharsets.UTF_8), "msg_1.1700000000." + body));
  }

  @Test
  void aPrefixedSecretThatIsNotBase64IsRefused() {
    assertThatThrownBy(() -> StandardWebhookSigner.key("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whsec_");
  }

  @Test
  void postSendsStandardWebhooksHeadersAndStillTheOldSignature() throws Exception {
    HookReceiver receiver = HookReceiver.shared();
    Instant now = Instant.parse("2026-03-01T02:03:04Z");
    SignedWebhook webhook = new SignedWebhook(new ObjectMapper(), Clock.fixed(now, ZoneOffset.UTC));
    String secret = "s3cret";

    webhook.post(new SignedWebhook.Target(receiver.url("/signed-webhook-test"), secret, Map.of()), "change.approved",
        "CHG-2026-0001", Map.of("title", "部署 🚀"));

    HookReceiver.Call call = receiver.callsTo("/signed-webhook-test").get(0);
    assertThat(call.body()).contains("部署 🚀");
    assertThat(call.header("webhook-id")).isEqualTo("CHG-2026-0001");
    assertThat(call.header("webhook-timestamp")).isEqualTo("1772330584");
    assertThat(call.header("webhook-signature")).isEqualTo(
        "v1," + hmacBase64(secret.getBytes(StandardCharsets.UTF_8), "CHG-2026-0001.1772330584." + call.body()));
    assertThat(call.header("X-OpsFlow-Delivery")).isEqualTo("CHG-2026-0001");
    assertThat(call.header("X-OpsFlow-Signature")).isEqualTo("sha256=" + SignedWebhook.sign(secret, call.body()));
  }

  /** Written from the specification, not from the signer. */
  private static String hmacBase64(byte[] key, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }
}
