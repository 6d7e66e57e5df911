package io.opsflow.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void textThatFitsAVariableStaysWhole() {
    String text = "支".repeat(Texts.VARIABLE_MAX);

    assertThat(Texts.forVariable(text, "GET /api/incidents/INC-2026-0001", Language.ZH)).isEqualTo(text);
  }

  @Test
  void longerTextIsClippedToTheVariableAndSaysWhereTheWholeTextIs() {
    String clipped = Texts.forVariable("x".repeat(10_000), "GET /api/incidents/INC-2026-0001", Language.EN);
    String chinese = Texts.forVariable("支".repeat(10_000), "GET /api/incidents/INC-2026-0001", Language.ZH);

    assertThat(clipped).hasSize(Texts.VARIABLE_MAX)
        .endsWith("… (clipped; the whole text: GET /api/incidents/INC-2026-0001)").startsWith("xxx");
    assertThat(chinese).hasSize(Texts.VARIABLE_MAX).endsWith("支 …（已截断，完整内容：GET /api/incidents/INC-2026-0001）");
  }

  @Test
  void clippingNeverSplitsAnEmoji() {
    String emoji = "🚀".repeat(5_000);

    String forVariable = Texts.forVariable(emoji, "GET /api/changes/CHG-2026-0001", Language.EN);
    String clipped = Texts.clip(emoji, 2000);

    assertThat(forVariable.length()).isLessThanOrEqualTo(Texts.VARIABLE_MAX);
    assertThat(forVariable.codePoints().filter(TextsTest::loneSurrogate).count()).isZero();
    assertThat(clipped.length()).isLessThanOrEqualTo(2000);
    assertThat(clipped.codePoints().filter(TextsTest::loneSurrogate).count()).isZero();
  }

  private static boolean loneSurrogate(int codePoint) {
    return Character.getType(codePoint) == Character.SURROGATE;
  }
}
