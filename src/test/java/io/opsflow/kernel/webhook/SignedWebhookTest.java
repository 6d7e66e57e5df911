package io.opsflow.kernel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedWebhookTest {

  @Test
  void signatureIsTheHexHmacSha256OfTheBody() {
    // the RFC 2104 example every HMAC-SHA256 implementation publishes
    assertThat(SignedWebhook.sign("key", "The quick brown fox jumps over the lazy dog"))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }
}
