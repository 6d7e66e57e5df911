package io.opsflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which items ask for something: a retrospective shows them right after the complaints. */
class SuggestionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      建议增加夜间模式                                     | true
      希望能支持微信支付                                   | true
      能不能把字体调大一点                                 | true
      Please add a dark mode                              | true
      It would be nice to pay with Alipay                 | true
      I suggested this last year                          | true
      I wish it remembered my card                        | true
      支付失败，太失望了                                   | false
      I love the new checkout, so fast!                   | false
      Swishing through the pages is fast                  | false
      """)
  void tellsSuggestionsByTheirWords(String text, boolean suggests) {
    assertThat(Feedback.suggests(text)).isEqualTo(suggests);
  }
}
