package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.engine.UnsafeConfigurationException;

class SecretKeyCheckTest {

  @Test
  void prodWithChannelsAndNoKeyRefusesToStart() {
    assertThatThrownBy(() -> SecretKeyCheck.check(true, false, 2)).isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining("OPSFLOW_SECRET_KEY");
  }

  @Test
  void prodWithoutChannelsOrWithAKeyStartsAndSoDoesTheDemo() {
    assertThatCode(() -> SecretKeyCheck.check(true, false, 0)).doesNotThrowAnyException();
    assertThatCode(() -> SecretKeyCheck.check(true, true, 5)).doesNotThrowAnyException();
    assertThatCode(() -> SecretKeyCheck.check(false, false, 5)).doesNotThrowAnyException();
  }
}
