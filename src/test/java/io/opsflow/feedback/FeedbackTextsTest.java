package io.opsflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Reader;

/** What the feedback module writes for people: a spike incident and the samples a triage form lists. */
class FeedbackTextsTest {

  private static final Reader CHINESE = new Installation("zh-CN", "Asia/Shanghai").reader();
  private static final Reader ENGLISH = new Installation("en", "UTC").reader();
  private static final Instant AT = Instant.parse("2026-03-01T08:15:00Z");

  @Test
  void aSampleNamesSentimentChannelRatingAndTimeInTheReadersLanguage() {
    assertThat(FeedbackTexts.sample(CHINESE, 42, Sentiment.NEGATIVE, Channel.APP_STORE, 1, AT, "支付页面\n一直转圈 😡", 500))
        .isEqualTo("- #42 负面，app-store，评分 1，2026-03-01 16:15 UTC+08:00：支付页面 一直转圈 😡");
    assertThat(FeedbackTexts.sample(ENGLISH, 42, Sentiment.NEGATIVE, Channel.APP_STORE, null, AT, "Payment failed", 500))
        .isEqualTo("- #42 negative, app-store, 2026-03-01 08:15 UTC: Payment failed");
    assertThat(FeedbackTexts.sample(CHINESE, 7, null, Channel.SUPPORT, null, AT, "很差".repeat(10), 5))
        .isEqualTo("- #7 support，2026-03-01 16:15 UTC+08:00：很差...");
  }

  @Test
  void aSpikeIncidentReadsInChinese() {
    assertThat(FeedbackTexts.say(CHINESE, "spike.title", "service", "payments-api")).isEqualTo("payments-api 负面反馈激增");
    assertThat(FeedbackTexts.say(CHINESE, "spike.summary", "count", 12L, "service", "payments-api", "since", AT,
        "baseline", "0.50", "reason", "negative feedback at 24x the usual rate"))
        .isEqualTo("自 2026-03-01 16:15 UTC+08:00 起，payments-api 收到 12 条负面反馈，而前 7 天平均每小时 0.50 条："
            + "negative feedback at 24x the usual rate。");
    assertThat(FeedbackTexts.say(CHINESE, "spike.terms", "terms", List.of(
        FeedbackTexts.say(CHINESE, "spike.term", "term", "转圈", "count", 5L),
        FeedbackTexts.say(CHINESE, "spike.term", "term", "扣款", "count", 3L)))).isEqualTo("主要投诉词：转圈（5）、扣款（3）");
    assertThat(FeedbackTexts.say(ENGLISH, "spike.linked", "count", 12, "incident", "INC-2026-0042")).isEqualTo(
        "12 negative feedback items linked to this incident; more are linked while it is open:"
            + " GET /api/feedback?incident=INC-2026-0042");
  }
}
