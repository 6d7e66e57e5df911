package io.opsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.opsflow.demo.HistoryVoices.Mood;
import io.opsflow.demo.HistoryVoices.Voice;
import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;
import io.opsflow.feedback.analysis.SentimentAnalyzer;
import io.opsflow.feedback.analysis.TextAnalysis;

/**
 * What the demo's users say over the 90 days: the same every time, Chinese and English, mostly content, and
 * one bad release that users complain about, once so many within an hour that the spike check opens an incident.
 */
class HistoryVoicesTest {

  private static final Instant NOW = Instant.parse("2026-11-27T22:15:00Z");
  private final HistoryPlan plan = HistoryPlan.of(HistoryPlan.SEED, NOW);
  private final List<Voice> voices = plan.feedback().voices();

  @Test
  void theSameSeedGivesTheSameVoicesAndTheDeploymentsAreTheSameWithThem() {
    assertThat(HistoryPlan.of(HistoryPlan.SEED, NOW).feedback()).isEqualTo(plan.feedback());
    assertThat(voices).hasSizeBetween(90 * 10, 90 * 20);
    assertThat(voices).allMatch(v -> !v.at().isBefore(plan.from()) && v.at().isBefore(NOW));
    assertThat(voices.stream().map(v -> v.channel().code() + "/" + v.externalId()).distinct()).hasSize(voices.size());
    assertThat(voices.stream().collect(Collectors.groupingBy(Voice::service, Collectors.counting())))
        .containsOnlyKeys("payments-api", "web-portal", "reporting");
  }

  @Test
  void everyTextReadsToTheAnalyserAsItIsMeantInChineseAndEnglish() {
    SentimentAnalyzer analyzer = SentimentAnalyzer.load();
    Map<Mood, Sentiment> meant = Map.of(Mood.PLEASED, Sentiment.POSITIVE, Mood.ASKING, Sentiment.NEUTRAL,
        Mood.ANNOYED, Sentiment.NEGATIVE);
    Map<String, Mood> texts = voices.stream().collect(Collectors.toMap(Voice::text, Voice::mood, (a, b) -> a));
    assertThat(texts).hasSizeGreaterThan(50);
    assertThat(texts.entrySet()).allSatisfy(text -> assertThat(analyzer.analyze(text.getKey()).sentiment())
        .as(text.getKey()).isEqualTo(meant.get(text.getValue())));
    assertThat(texts.keySet().stream().map(analyzer::analyze).map(TextAnalysis::language))
        .contains(Language.ZH, Language.EN);
  }

  @Test
  void ratingsFollowTheMoodWhereTheChannelHasThem() {
    assertThat(voices).filteredOn(v -> v.mood() == Mood.PLEASED && v.rating() != null).allMatch(v -> v.rating() >= 4);
    assertThat(voices).filteredOn(v -> v.mood() == Mood.ANNOYED && v.rating() != null).allMatch(v -> v.rating() <= 2);
    assertThat(voices).anyMatch(v -> v.rating() == null).anyMatch(v -> v.rating() != null);
  }

  @Test
  void afterTheBadReleaseUsersComplainMoreAndOnceEnoughInAnHourForASpike() {
    HistoryPlan.Deployment bad = plan.feedback().badRelease();
    assertThat(bad.service()).isEqualTo("web-portal");
    assertThat(bad.result()).isEqualTo(HistoryPlan.Result.SUCCEEDED);
    assertThat(bad.at()).isBetween(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(10)));

    // the support desk forwards each hour's voices at its end, when the spike check reads that hour
    Map<String, Long> complaintsPerHour = voices.stream().filter(v -> v.mood() == Mood.ANNOYED)
        .collect(Collectors.groupingBy(v -> v.service() + " " + v.at().truncatedTo(ChronoUnit.HOURS), Collectors.counting()));
    Map<String, Long> spikes = complaintsPerHour.entrySet().stream().filter(hour -> hour.getValue() >= 5)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(spikes).as("one hour of one service with 5 or more complaints, the decision's least")
        .containsOnlyKeys("web-portal " + bad.at().plus(HistoryVoices.SPIKE_AFTER).truncatedTo(ChronoUnit.HOURS));
    assertThat(spikes.values()).allMatch(count -> count >= HistoryVoices.SPIKE_COMPLAINTS);

    double before = negativeShare(bad.service(), bad.at().minus(Duration.ofDays(30)), bad.at());
    double after = negativeShare(bad.service(), bad.at(), bad.at().plus(Duration.ofDays(2)));
    double later = negativeShare(bad.service(), bad.at().plus(Duration.ofDays(6)), bad.at().plus(Duration.ofDays(20)));
    assertThat(before).isBetween(0.1, 0.4);
    assertThat(after).as("the dip").isGreaterThan(2 * before);
    assertThat(later).as("the next release quietens them").isLessThan(0.4);
    assertThat(voices).filteredOn(v -> v.service().equals(bad.service()) && v.at().isAfter(bad.at().plus(Duration.ofHours(2))))
        .first().extracting(Voice::version).isEqualTo(bad.version());
  }

  private double negativeShare(String service, Instant from, Instant to) {
    List<Voice> heard = voices.stream().filter(v -> v.service().equals(service) && !v.at().isBefore(from)
        && v.at().isBefore(to)).toList();
    return heard.stream().filter(v -> v.mood() == Mood.ANNOYED).count() / (double) heard.size();
  }
}
