package io.opsflow.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;

class SentimentAnalyzerTest {

  private static SentimentAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = SentimentAnalyzer.load();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      支付很方便，客服也很热情                   | POSITIVE
      付款一直失败，太失望了                     | NEGATIVE
      不好用                                     | NEGATIVE
      不太喜欢这个新版本                         | NEGATIVE
      一点也不差                                 | POSITIVE
      没有收到退款，客服也不理人                 | NEGATIVE
      界面好看，但是经常闪退                     | NEGATIVE
      虽然有点慢，但是很稳定                     | POSITIVE
      今天更新了版本                             | NEUTRAL
      I love the new checkout, so fast!          | POSITIVE
      The app is not good                        | NEGATIVE
      It keeps crashing and support is useless   | NEGATIVE
      Nice design but it crashes every time      | NEGATIVE
      Not bad at all                             | POSITIVE
      I updated the app yesterday                | NEUTRAL
      客服态度很好 and the refund was quick      | POSITIVE
      """)
  void labelsHandWrittenReviews(String text, Sentiment sentiment) {
    assertThat(analyzer.analyze(text).sentiment()).isEqualTo(sentiment);
  }

  @Test
  void degreeWordsMakeItStrongerAndWeaker() {
    double plain = analyzer.analyze("失望").score();
    assertThat(analyzer.analyze("非常失望").score()).isLessThan(plain);
    assertThat(analyzer.analyze("有点失望").score()).isGreaterThan(plain).isNegative();
    assertThat(analyzer.analyze("The app is VERY GOOD").score()).isGreaterThan(analyzer.analyze("The app is good").score());
    assertThat(analyzer.analyze("The app is good!!!").score()).isGreaterThan(analyzer.analyze("The app is good").score());
  }

  @Test
  void negationTurnsItAroundWithinItsClauseOnly() {
    assertThat(analyzer.analyze("满意").score()).isPositive();
    assertThat(analyzer.analyze("不满意").score()).isNegative();
    assertThat(analyzer.analyze("没有问题，很满意").score()).isPositive();
    assertThat(analyzer.analyze("I didn't like it").score()).isNegative();
  }

  @Test
  void scoresLieBetweenMinusOneAndOneAndComplaintTermsLeaveOutSentimentWords() {
    TextAnalysis angry = analyzer.analyze("支付失败！！！退款太慢了，客服敷衍，垃圾垃圾垃圾垃圾垃圾垃圾");
    assertThat(angry.score()).isBetween(-1.0, -0.9);
    assertThat(angry.language()).isEqualTo(Language.ZH);
    assertThat(angry.terms()).contains("支付", "客服").doesNotContain("垃圾", "失败", "太慢");
    assertThat(analyzer.analyze("The payment page crashes on login").terms()).contains("payment", "page", "login")
        .doesNotContain("crashes", "the");
  }

  /** Behaviour on the tuning half only: the held-out half is for FeedbackBenchmark to measure. */
  @Test
  void tuningHalvesStayAboveTheirFloor() {
    assertThat(Bench.accuracy(analyzer, Bench.items("zh-tuning.tsv")).share()).isGreaterThanOrEqualTo(0.78);
    assertThat(Bench.accuracy(analyzer, Bench.items("en-tuning.tsv")).share()).isGreaterThanOrEqualTo(0.82);
  }
}
