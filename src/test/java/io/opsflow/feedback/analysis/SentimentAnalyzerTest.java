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
      手续费太高了                               | NEGATIVE
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

  /** Sentences whose words alone say little or the opposite: phrases, review expressions, turns. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Would not recommend this app to anyone                  | NEGATIVE
      What a waste of money                                   | NEGATIVE
      Never going to use this service again                    | NEGATIVE
      They answered within minutes and fixed it               | POSITIVE
      I had to call support three times                       | NEGATIVE
      The login bug still needs to be fixed                   | NEGATIVE
      We will be back next week                               | POSITIVE
      I won't be back                                         | NEGATIVE
      Highly recommend the new checkout                       | POSITIVE
      The premium plan is not worth the price                 | NEGATIVE
      It is not really worth it                               | NEGATIVE
      I like this app a lot                                   | POSITIVE
      Stopped working after the update                        | NEGATIVE
      还行                                                    | POSITIVE
      差评                                                    | NEGATIVE
      垃圾软件，已卸载                                        | NEGATIVE
      申请退货了，太失望                                      | NEGATIVE
      一点都不好用                                            | NEGATIVE
      没什么新意                                              | NEGATIVE
      界面需要改进                                            | NEGATIVE
      功能很全，但是经常闪退。客服很热情，不过退款太慢了。    | NEGATIVE
      退款有点慢。不过客服很耐心，问题最后解决了，点赞        | POSITIVE
      """)
  void readsReviewPhrasesAndTurns(String text, Sentiment sentiment) {
    assertThat(analyzer.analyze(text).sentiment()).isEqualTo(sentiment);
  }

  /** What users of a payment service or an app write: failures, money not arriving, support, and praise. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      付款一直失败，钱却扣了，太坑了                           | NEGATIVE
      提现三天了还没到账，客服也不回复                         | NEGATIVE
      为什么我的退款还没到账？                                 | NEGATIVE
      怎么还没发货？都一个星期了                               | NEGATIVE
      转账失败但是钱被扣了，到底怎么回事？                     | NEGATIVE
      验证码一直收不到，根本没法注册                           | NEGATIVE
      支付页面一直转圈，付不了款                               | NEGATIVE
      自动续费也不提醒，乱扣钱                                 | NEGATIVE
      客服说三个工作日退款，到现在都没有消息                   | NEGATIVE
      没有宣传的那么好用                                       | NEGATIVE
      界面挺好看，可是经常卡顿，体验很差                       | NEGATIVE
      到账很快，秒到，点赞                                     | POSITIVE
      支付很方便，界面简洁，操作简单                           | POSITIVE
      客服回复及时，问题很快解决了                             | POSITIVE
      新版本流畅多了，再也不卡了                               | POSITIVE
      用了两年了，一直很稳定，没出过问题                       | POSITIVE
      虽然第一次付款失败了，但是客服马上帮我处理好了，很满意   | POSITIVE
      我用支付宝付的款                                         | NEUTRAL
      """)
  void readsPaymentAndAppReviews(String text, Sentiment sentiment) {
    assertThat(analyzer.analyze(text).sentiment()).isEqualTo(sentiment);
  }

  @Test
  void aNegationWithoutASentimentWordIsASmallComplaintAndAWhyQuestionABiggerOne() {
    double notShipped = analyzer.analyze("还没发货").score();
    assertThat(notShipped).isNegative().isGreaterThan(analyzer.analyze("为什么还没发货？").score());
    assertThat(analyzer.analyze("发货了").sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void aTurnWeighsTheClauseAfterItInEverySentence() {
    double first = analyzer.analyze("界面好看，但是经常闪退。").score();
    double again = analyzer.analyze("很喜欢这个版本。界面好看，但是经常闪退。").score();
    assertThat(first).isNegative();
    // the second sentence's turn still halves 好看: without per-sentence turns 很喜欢 would be halved instead
    assertThat(again).isGreaterThan(first);
  }

  /** Long reviews: the verdict, the first and last sentence, turns across sentences; 就是 is no turn. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      还不错，就是有点贵                                                         | POSITIVE
      总的来说还不错，就是物流有点慢                                             | POSITIVE
      房间很干净。早餐一般。但是服务太差了，再也不来了。                         | NEGATIVE
      界面挺好看。功能也齐全。不过经常闪退，客服也不回复。                       | NEGATIVE
      用了三个月。不知道别人怎么样，我觉得不错。转账不用等，到账很快。总之值得推荐。 | POSITIVE
      第一次用这个应用。注册有点麻烦，不是很顺。付款倒是快。总体来说很满意。     | POSITIVE
      界面一般。有时候会卡。总体感觉很失望，不推荐。                             | NEGATIVE
      """)
  void readsLongReviewsByTheirVerdict(String text, Sentiment sentiment) {
    assertThat(analyzer.analyze(text).sentiment()).isEqualTo(sentiment);
  }

  @Test
  void theRestOfASentenceAfter总的来说IsTheVerdict() {
    assertThat(analyzer.analyze("物流很慢，包装一般，还可以").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyzer.analyze("物流很慢，包装一般，总的来说还可以").sentiment()).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void aTurnThatOpensASentenceTurnsTheSentenceBefore() {
    assertThat(analyzer.analyze("房间很干净，早餐也丰富。服务太差了。").score())
        .isGreaterThan(analyzer.analyze("房间很干净，早餐也丰富。但是服务太差了。").score());
    assertThat(analyzer.analyze("房间很干净，早餐也丰富。但是服务太差了。").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aChineseTextWithAnySignalIsNotNeutral() {
    // 还可以 (+0.8) and 有点慢 (-0.9) nearly cancel: the little that is left still decides
    assertThat(analyzer.analyze("还可以，有点慢").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyzer.analyze("今天更新了版本").sentiment()).isEqualTo(Sentiment.NEUTRAL);
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
    assertThat(Bench.accuracy(analyzer, Bench.items("zh-tuning.tsv")).share()).isGreaterThanOrEqualTo(0.82);
    assertThat(Bench.accuracy(analyzer, Bench.items("zh-tuning-more.tsv")).share()).isGreaterThanOrEqualTo(0.82);
    assertThat(Bench.accuracy(analyzer, Bench.items("en-tuning.tsv")).share()).isGreaterThanOrEqualTo(0.88);
  }
}
