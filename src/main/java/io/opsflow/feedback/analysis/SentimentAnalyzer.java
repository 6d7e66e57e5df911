package io.opsflow.feedback.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import io.opsflow.feedback.Language;
import io.opsflow.feedback.Sentiment;

/**
 * The built-in, offline analyser: language by script, sentiment by lexicon and rules (Chinese words
 * from HanLP's segmenter, English by VADER's rules), and the terms a text is about for the
 * complaint topics. A mixed text is scored by both, their sums added. Nothing is downloaded: HanLP's
 * portable jar carries its dictionaries, the word lists are in {@code src/main/resources/feedback/}.
 * Loading takes a second or two (HanLP's dictionaries); analysing is thread-safe.
 */
public final class SentimentAnalyzer implements TextAnalyzer {

  static final int MAX_TERMS = 10;
  /** VADER's normalisation: sum / sqrt(sum² + α) maps any sum into (-1, 1). */
  private static final double ALPHA = 15;

  private final ChineseScorer chinese;
  private final EnglishScorer english;
  private final Segment segment;
  private final Set<String> sentimentWords;
  private final Set<String> stopWords;

  private SentimentAnalyzer(ChineseScorer chinese, EnglishScorer english, Segment segment, Set<String> sentimentWords,
      Set<String> stopWords) {
    this.chinese = chinese;
    this.english = english;
    this.segment = segment;
    this.sentimentWords = sentimentWords;
    this.stopWords = stopWords;
  }

  public static SentimentAnalyzer load() {
    Map<String, Double> zh = WordLists.weights("lexicon-zh.tsv");
    Set<String> negations = WordLists.words("negations-zh.txt");
    Map<String, Double> degrees = WordLists.weights("degrees-zh.txt");
    Map<String, Double> en = englishLexicon();
    Stream.of(zh.keySet(), negations, degrees.keySet()).flatMap(Set::stream)
        .filter(word -> word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
        .filter(word -> word.length() > 1)
        .forEach(CustomDictionary::insert);
    Segment segment = HanLP.newSegment().enableCustomDictionary(true).enableNameRecognize(false)
        .enablePlaceRecognize(false).enableOrganizationRecognize(false).enableTranslatedNameRecognize(false)
        .enableJapaneseNameRecognize(false);
    Set<String> sentimentWords = new java.util.HashSet<>();
    Stream.of(zh.keySet(), negations, degrees.keySet(), en.keySet()).forEach(sentimentWords::addAll);
    Set<String> stopWords = new java.util.HashSet<>(WordLists.words("stopwords-zh.txt"));
    stopWords.addAll(WordLists.words("stopwords-en.txt"));
    EnglishScorer english = new EnglishScorer(en, WordLists.weights("phrases-en.tsv"),
        WordLists.weights("lexicon-en-learned.tsv"));
    ChineseScorer chinese = new ChineseScorer(zh, negations, degrees, WordLists.weights("lexicon-zh-learned.tsv"));
    return new SentimentAnalyzer(chinese, english, segment,
        Set.copyOf(sentimentWords), Set.copyOf(stopWords));
  }

  /** VADER's lexicon with OpsFlow's additions, which win. */
  static Map<String, Double> englishLexicon() {
    Map<String, Double> en = new java.util.HashMap<>(WordLists.weights("lexicon-en.tsv"));
    en.putAll(WordLists.weights("lexicon-en-extra.tsv"));
    return en;
  }

  @Override
  public TextAnalysis analyze(String text) {
    Language language = LanguageDetector.detect(text);
    List<Term> terms = language == Language.EN || language == Language.OTHER ? List.of() : segment.seg(text);
    double sum = sum(language, terms, text, true);
    double score = Math.round(sum / Math.sqrt(sum * sum + ALPHA) * 1000) / 1000.0;
    return new TextAnalysis(language, Sentiment.of(score), score, topics(language, terms, text));
  }

  private double sum(Language language, List<Term> terms, String text, boolean chineseLearned) {
    double sum = 0;
    if (language == Language.ZH || language == Language.MIXED) {
      List<String> words = terms.stream().map(term -> term.word).toList();
      sum += chineseLearned ? chinese.valence(words, text) : chinese.rulesValence(words, text);
    }
    if (language == Language.EN || language == Language.MIXED) {
      sum += english.valence(language == Language.MIXED ? latinOnly(text) : text);
    }
    return sum;
  }

  /** The sum {@link #analyze} normalises without the learned Chinese terms: what {@code LearnedLexiconTool} fits on. */
  double withoutChineseLearned(String text) {
    Language language = LanguageDetector.detect(text);
    List<Term> terms = language == Language.EN || language == Language.OTHER ? List.of() : segment.seg(text);
    return sum(language, terms, text, false);
  }

  /** The Chinese terms of a text with their factors, as {@link ChineseScorer#terms} gives them. */
  void chineseTerms(String text, EnglishScorer.TermSink sink) {
    chinese.terms(segment.seg(text).stream().map(term -> term.word).toList(), sink);
  }

  /** The text with Chinese characters as spaces, so the exclamation marks of a mixed text count once. */
  private static String latinOnly(String text) {
    StringBuilder latin = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> latin.appendCodePoint(
        Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '!' || cp == '！' ? ' ' : cp));
    return latin.toString();
  }

  private List<String> topics(Language language, List<Term> terms, String text) {
    Set<String> topics = new LinkedHashSet<>();
    for (Term term : terms) {
      String nature = term.nature == null ? "" : term.nature.toString();
      if (term.word.length() > 1 && isHan(term.word) && (nature.startsWith("n") || nature.startsWith("v")
          || nature.startsWith("a") || nature.equals("nz")) && isTopic(term.word)) {
        topics.add(term.word);
      }
    }
    if (language != Language.ZH) {
      for (String word : EnglishScorer.words(text)) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() > 2 && lower.chars().allMatch(c -> c >= 'a' && c <= 'z') && isTopic(lower)) {
          topics.add(lower);
        }
      }
    }
    return new ArrayList<>(topics).subList(0, Math.min(MAX_TERMS, topics.size()));
  }

  boolean isTopic(String word) {
    return !stopWords.contains(word) && !sentimentWords.contains(word) && word.length() <= 40;
  }

  private static boolean isHan(String word) {
    return word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }
}
