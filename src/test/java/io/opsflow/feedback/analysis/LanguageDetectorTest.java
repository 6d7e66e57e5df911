package io.opsflow.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opsflow.feedback.Language;

class LanguageDetectorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      付款一直失败，太失望了                             | ZH
      这个app很好用                                      | ZH
      The app keeps crashing when I pay                  | EN
      The 支付 page failed again and again today          | EN
      支付页面 keeps crashing 每次都这样                  | MIXED
      客服态度很好 but the refund took two weeks          | MIXED
      😀😀👍 12345                                        | OTHER
      联系[email]和[phone]                                | ZH
      """)
  void tellsTheLanguageByScript(String text, Language language) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(language);
  }
}
