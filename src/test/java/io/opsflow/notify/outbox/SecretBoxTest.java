package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.engine.UnsafeConfigurationException;
import io.opsflow.kernel.domain.Refusal;

class SecretBoxTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-32-byte-key-for-the-test".getBytes());

  private final SecretBox box = SecretBox.of(KEY);

  @Test
  void sealedValueOpensAgainAndHidesThePlainText() {
    String plain = "https://oapi.dingtalk.com/robot/send?access_token=tok3n-值班-🚨";

    String sealed = box.seal(plain, "target");

    assertThat(sealed).startsWith("v1:").doesNotContain("tok3n").doesNotContain("dingtalk");
    assertThat(box.open(sealed, "target")).isEqualTo(plain);
  }

  @Test
  void everySealUsesAFreshNonce() {
    assertThat(box.seal("SECabc", "secret")).isNotEqualTo(box.seal("SECabc", "secret"));
  }

  @Test
  void aChangedByteIsDetected() {
    byte[] raw = Base64.getDecoder().decode(box.seal("SECabc", "secret").substring(3));
    raw[raw.length - 20] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> box.open(tampered, "secret")).isInstanceOf(SecretBox.SealBroken.class);
  }

  @Test
  void aSecretCannotBeOpenedAsATargetNorWithAnotherKey() {
    String sealed = box.seal("SECabc", "secret");

    assertThatThrownBy(() -> box.open(sealed, "target")).isInstanceOf(SecretBox.SealBroken.class);
    assertThatThrownBy(() -> SecretBox.of(OTHER_KEY).open(sealed, "secret")).isInstanceOf(SecretBox.SealBroken.class);
    assertThatThrownBy(() -> box.open("plain text", "secret")).isInstanceOf(SecretBox.SealBroken.class);
  }

  @Test
  void withoutAKeyNothingIsSealedAndTheAnswerSaysWhatToSet() {
    SecretBox none = SecretBox.of("");

    assertThat(none.isConfigured()).isFalse();
    assertThatThrownBy(() -> none.seal("x", "secret")).isInstanceOfSatisfying(Refusal.Conflict.class, e -> {
      assertThat(e.detail()).contains("OPSFLOW_SECRET_KEY", "openssl rand -base64 32");
    });
  }

  @Test
  void aKeyThatIsNot32BytesOfBase64RefusesTheStart() {
    assertThatThrownBy(() -> SecretBox.of("c2hvcnQ=")).isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> SecretBox.of("not base64 at all!")).isInstanceOf(UnsafeConfigurationException.class);
  }
}
