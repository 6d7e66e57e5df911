package io.opsflow.retro.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsflow.feedback.Sentiment;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Language;
import io.opsflow.kernel.text.Reader;
import io.opsflow.retro.RetroFacts;

/** The retrospective's facts read in Chinese on Shanghai's clock, and as before in English on UTC. */
class FactWordsTest {

  private static final Reader CHINESE = new Installation("zh-CN", "Asia/Shanghai").reader();
  private static final Reader ENGLISH = new Installation("en", "UTC").reader(Language.EN);
  private static final RetroFacts.IncidentFact MISSED = new RetroFacts.IncidentFact("INC-1", "支付超时", "P1", "closed",
      Instant.parse("2026-11-28T01:00:00Z"), null, 600L, 7200L, false, true, Map.of());
  private static final RetroFacts.FeedbackFact FEEDBACK = new RetroFacts.FeedbackFact(4, -0.25,
      Map.of("positive", 0.25, "neutral", 0.25, "negative", 0.5), 3.5, List.of(), Map.of());
  private static final RetroFacts.FeedbackSample SAMPLE = new RetroFacts.FeedbackSample(1, "2.0", Sentiment.NEGATIVE, -0.8,
      2, Instant.parse("2026-11-28T16:30:00Z"), true, "付款失败 😡");

  @Test
  void slasMinutesAndFiguresAreWrittenInTheReadersLanguage() {
    assertThat(FactGathering.sla(MISSED, CHINESE)).isEqualTo("确认超时，解决达标");
    assertThat(FactGathering.sla(MISSED, ENGLISH)).isEqualTo("acknowledge MISSED, resolve held");
    assertThat(FactGathering.minutes(600L, CHINESE)).isEqualTo("10 分钟");
    assertThat(FactGathering.figures(FEEDBACK, CHINESE))
        .isEqualTo("4 条，正面 25 %，中性 25 %，负面 50 %，平均情绪分 -0.25，平均评分 3.50");
    assertThat(FactGathering.figures(FEEDBACK, ENGLISH))
        .isEqualTo("4 items, positive 25 %, neutral 25 %, negative 50 %, average score -0.25, average rating 3.50");
  }

  @Test
  void aSampleNamesItsSentimentInTheReadersLanguageAndItsTimeOnTheInstallationsClock() {
    assertThat(FactGathering.sample(SAMPLE, CHINESE))
        .isEqualTo("负面，建议，情绪分 -0.80，评分 2，版本 2.0，2026-11-29 00:30 UTC+08:00");
    assertThat(FactGathering.sample(SAMPLE, ENGLISH))
        .isEqualTo("negative, suggestion, score -0.80, rating 2, version 2.0, 2026-11-28 16:30 UTC");
  }
}
