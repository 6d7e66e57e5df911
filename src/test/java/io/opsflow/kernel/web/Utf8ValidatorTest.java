package io.opsflow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8ValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"{\"title\":\"plain\"}", "支付失败", "Zahlung fällt aus — ошибка", "💳🔥🚀", "\uFEFF{}",
      "\u07FF\u0800\uFFFF"})
  void acceptsEveryUnicodeTextEncodedAsUtf8(String text) {
    assertThat(valid(text.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "overlong NUL, c080",
      "overlong slash, e080af",
      "surrogate half, eda080",
      "above U+10FFFF, f4908080",
      "lone continuation byte, 80",
      "invalid byte, ff",
      "truncated sequence, e4b8",
      "continuation missing, c341",
      "NUL byte, 00",
      "UTF-16 text, 7b0022007d00"})
  void refusesWhatIsNotStrictUtf8(String name, String hex) {
    assertThat(valid(HexFormat.of().parseHex(hex))).isFalse();
  }

  private static boolean valid(byte[] bytes) {
    Utf8Validator validator = new Utf8Validator();
    for (byte b : bytes) {
      if (!validator.accept(b & 0xFF)) {
        return false;
      }
    }
    return validator.complete();
  }
}
