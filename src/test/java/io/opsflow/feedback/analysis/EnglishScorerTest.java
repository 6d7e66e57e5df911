package io.opsflow.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opsflow.feedback.Sentiment;

class EnglishScorerTest {

  private static final EnglishScorer LEARNED_ONLY = new EnglishScorer(Map.of(), Map.of(),
      Map.of("refund", -1.0, "works fine", 2.0));
  private static final EnglishScorer RULES_ONLY = new EnglishScorer(SentimentAnalyzer.englishLexicon(),
      WordLists.weights("phrases-en.tsv"), Map.of());
  private static SentimentAnalyzer analyzer;

  @Test
  void aLearnedTermAddsItsWeightTurnedAroundByANegation() {
    assertThat(LEARNED_ONLY.valence("They sent the refund")).isCloseTo(-1.0, within(1e-9));
    assertThat(LEARNED_ONLY.valence("They never sent the refund")).isCloseTo(0.74, within(1e-9));
    assertThat(LEARNED_ONLY.valence("Now it works fine")).isCloseTo(2.0, within(1e-9));
    assertThat(LEARNED_ONLY.valence("Nothing to say")).isZero();
  }

  @Test
  void aLearnedTermIsHalvedBeforeAButAndRaisedByHalfAfterIt() {
    assertThat(LEARNED_ONLY.valence("It works fine but no refund")).isCloseTo(2.0 * 0.5 + -1.0 * -0.74 * 1.5,
        within(1e-9));
  }

  @Test
  void termsAreWordsAndPairsInLowerCaseWithoutApostrophes() {
    Map<String, Double> terms = new HashMap<>();
    LEARNED_ONLY.terms("Didn't WORK, but support's great", terms::put);
    assertThat(terms).containsOnlyKeys("didnt", "work", "but", "supports", "great", "didnt work", "work but",
        "but supports", "supports great");
    assertThat(terms.get("work")).isCloseTo(-0.74 * 0.5, within(1e-9));
    assertThat(terms.get("great")).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void theLearnedLexiconWeighsNoTermOfFunctionWordsOnly() {
    assertThat(WordLists.weights("lexicon-en-learned.tsv").keySet()).isNotEmpty()
        .noneMatch(term -> LearnedLexiconTool.FUNCTION_WORDS.containsAll(List.of(term.split(" "))));
  }

  /** Reviews written for this test whose words are in no VADER list: the learned terms read them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      We waited forty minutes for the check          | NEGATIVE
      Arrived on time and fits my phone              | POSITIVE
      """)
  void learnedTermsReadReviewsTheRulesCallNeutral(String text, Sentiment sentiment) {
    assertThat(RULES_ONLY.rulesValence(text)).isZero();
    if (analyzer == null) {
      analyzer = SentimentAnalyzer.load();
    }
    assertThat(analyzer.analyze(text).sentiment()).isEqualTo(sentiment);
  }
}
