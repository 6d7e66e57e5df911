package io.opsflow.feedback.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chinese sentiment over HanLP's words: each word of the lexicon counts with its valence, made
 * stronger or weaker by degree words (很, 非常, 有点…) and turned around and weakened by a negation
 * (不, 没, 别, 未, 无, 非…) among the three words before it in the same clause; within a sentence,
 * the words before a turn (但是, 可是, 不过…) count half and those after it half again, as VADER does
 * with "but" (per sentence, as a long review turns more than once: 虽然…但是… then 可是… later);
 * exclamation marks push the sum away from zero. The lexicon's words are added to HanLP's custom
 * dictionary, so 不值得 or 没收到 stay one word and are not split into a negation and a neutral verb.
 * Three review habits count too: a negation that turns no sentiment word around (还没发货, 不退) is a
 * small complaint; praise after a denied comparison (没有宣传的那么好用, 不如预期那样好) is turned
 * around; a question asking why or when (为什么还没到账？) is a complaint.
 *
 * <p>A long review is judged by its verdict more than by the balance of its clauses: the first
 * clause after 总之, 总的来说, 总体… that says something counts three times; in a review of three
 * sentences or more the first and the last count half again, and a dangling negation counts half
 * (a long review says 不知道 or 不是…而是 without complaining); a 但是 or 不过 that opens a sentence
 * turns the sentence before it. 就是 and 只是 are no turn: "还不错，就是有点贵" keeps its praise. A
 * text with any signal at all is not called neutral: a sum too small to leave the neutral band is
 * pushed just outside it.
 *
 * <p>On top of these rules, when they found any signal, learned terms ({@code lexicon-zh-learned.tsv}:
 * words and pairs of neighbouring words weighed from labelled reviews by {@code LearnedLexiconTool}) add their weight,
 * turned around by a negation among the three words before them in the clause and halved or raised
 * by half around a turn like the rest (see {@link #terms}).
 */
final class ChineseScorer {

  private static final Set<String> TURNS = Set.of("但是", "但", "可是", "不过", "然而", "却");
  /** 但是, 可是, 不过 that open a sentence turn the one before. */
  private static final Set<String> SENTENCE_TURNS = Set.of("但是", "但", "可是", "不过", "然而");
  private static final double BEFORE_TURN = 0.5;
  private static final double AFTER_TURN = 1.5;
  /** 总之, 总的来说, 总体…: the first clause after them that says something is the review's verdict. */
  private static final Set<String> VERDICTS = Set.of("总之", "总的来说", "总的说", "总得来说", "总的来讲", "总体来说",
      "总体而言", "总体上", "总体", "整体来说", "整体而言", "整体上", "整体", "总而言之", "综上所述", "综上", "一句话",
      "总结", "总评", "总的");
  private static final double VERDICT = 3.0;
  /** From this many sentences on, a review is long: its first and last sentence weigh more, dangling negations less. */
  private static final int LONG_REVIEW = 3;
  private static final double FIRST_AND_LAST = 1.5;
  private static final double DANGLING_IN_LONG_REVIEW = 0.5;
  /** The smallest sum that leaves the neutral band (VADER's normalisation with α = 15 and the band 0.05). */
  private static final double LEAST_SIGNAL = 0.2;
  private static final String CLAUSE_ENDS = "，。！？；,.!?;~～…、\n";
  private static final String SENTENCE_ENDS = "。！？.!?…\n";
  /** 没有…那么好, 不如预期那样好: a comparison that denies the praise after it. */
  private static final Set<String> DENIED_COMPARISONS = Set.of("没有", "没", "并没有", "不像", "不象", "不如", "远不如", "不及");
  private static final Set<String> COMPARISON_MARKS = Set.of("那么", "那样", "这么", "这样", "想象", "想像", "预期", "期望",
      "期待", "宣传", "介绍", "评论", "说的");
  /** 为什么还没到？ 到底什么时候发货？ In a review a question with these words is a complaint. */
  private static final Set<String> COMPLAINT_QUESTIONS = Set.of("为什么", "为何", "怎么", "怎么回事", "到底", "何时",
      "什么时候", "难道", "凭什么", "咋");
  /** A negation that turns no sentiment word around (没收到书, 不发货, 还没到) is itself a small complaint. */
  private static final double DANGLING_NEGATION = -0.6;
  private static final double COMPLAINT_QUESTION = -1.0;
  private final Map<String, Double> lexicon;
  private final Set<String> negations;
  private final Map<String, Double> degrees;
  /** Words and word pairs (one space between), on the scale of the rules' sum. */
  private final Map<String, Double> learned;

  ChineseScorer(Map<String, Double> lexicon, Set<String> negations, Map<String, Double> degrees,
      Map<String, Double> learned) {
    this.lexicon = lexicon;
    this.negations = negations;
    this.degrees = degrees;
    this.learned = learned;
  }

  /**
   * The sum of the rules and the learned terms, before normalising. The learned terms only adjust a text
   * the rules found a signal in: a plain statement (我用支付宝付的款, 发货了) stays neutral whatever words it uses.
   */
  double valence(List<String> words, String text) {
    double[] sum = {rulesValence(words, text)};
    if (sum[0] == 0) {
      return 0;
    }
    terms(words, (term, factor) -> sum[0] += learned.getOrDefault(term, 0.0) * factor);
    return leastSignal(sum[0]);
  }

  /** A text with any signal at all is not called neutral: a sum too small to leave the neutral band is pushed out. */
  static double leastSignal(double sum) {
    return sum != 0 && Math.abs(sum) < LEAST_SIGNAL ? Math.signum(sum) * LEAST_SIGNAL : sum;
  }

  /**
   * Every word with a Chinese character and every pair of neighbouring words within a clause (one space
   * between), with the factor the rules give a learned term there: {@link EnglishScorer#NEGATED} after a
   * negation among the three words before it in its clause; within a sentence, 0.5 before its first turn
   * (但是, 不过…) and 1.5 after it, and a turn that opens a sentence halves the sentence before.
   */
  void terms(List<String> words, EnglishScorer.TermSink sink) {
    double[] factors = new double[words.size()];
    java.util.Arrays.fill(factors, 1);
    int sentenceStart = 0;
    int previousSentenceStart = 0;
    boolean turned = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (isPunctuation(word)) {
        if (word.chars().anyMatch(c -> SENTENCE_ENDS.indexOf(c) >= 0)) {
          previousSentenceStart = sentenceStart;
          sentenceStart = i + 1;
          turned = false;
        }
      } else if (!turned && TURNS.contains(word)) {
        turned = true;
        int from = i == sentenceStart && SENTENCE_TURNS.contains(word) ? previousSentenceStart : sentenceStart;
        for (int k = from; k < i; k++) {
          factors[k] *= BEFORE_TURN;
        }
      } else if (turned) {
        factors[i] *= AFTER_TURN;
      }
    }
    int clauseStart = 0;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (isPunctuation(word)) {
        clauseStart = i + 1;
        continue;
      }
      double factor = factors[i];
      for (int back = 1; back <= 3 && i - back >= clauseStart; back++) {
        if (negations.contains(words.get(i - back))) {
          factor *= EnglishScorer.NEGATED;
          break;
        }
      }
      if (hasHan(word)) {
        sink.accept(word, factor);
      }
      if (i + 1 < words.size() && !isPunctuation(words.get(i + 1)) && (hasHan(word) || hasHan(words.get(i + 1)))) {
        sink.accept(word + " " + words.get(i + 1), factor);
      }
    }
  }

  private static boolean hasHan(String word) {
    return word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** The sum of the words' valences by the rules alone, without the learned terms: what they are learned on top of. */
  double rulesValence(List<String> words, String text) {
    Signals signals = new Signals();
    int sentence = 0;
    int sentenceFirst = 0;
    int previousSentenceFirst = 0;
    boolean afterTurn = false;
    boolean verdict = false;
    int verdictFrom = 0;
    int clauseStart = 0;
    int lastSentence = 0;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (isPunctuation(word)) {
        if ((word.indexOf('？') >= 0 || word.indexOf('?') >= 0) && asksWhy(words, clauseStart, i)) {
          signals.add(COMPLAINT_QUESTION, afterTurn, verdict, sentence);
        }
        clauseStart = i + 1;
        if (verdict && signals.size > verdictFrom) {
          verdict = false; // the verdict is the first clause after 总之 that says something
        }
        if (word.chars().anyMatch(c -> SENTENCE_ENDS.indexOf(c) >= 0) && signals.size > sentenceFirst) {
          previousSentenceFirst = sentenceFirst;
          sentenceFirst = signals.size;
          sentence++;
          afterTurn = false;
          verdict = false;
        }
        continue;
      }
      lastSentence = sentence;
      if (VERDICTS.contains(word)) {
        verdict = true;
        verdictFrom = signals.size;
      }
      if (negations.contains(word) && !turnsASentimentWord(words, i)) {
        signals.addDangling(DANGLING_NEGATION, afterTurn, verdict, sentence);
        continue;
      }
      if (TURNS.contains(word)) {
        if (signals.size > sentenceFirst) {
          signals.halve(sentenceFirst, signals.size);
          afterTurn = true;
        } else if (SENTENCE_TURNS.contains(word) && sentenceFirst > previousSentenceFirst) {
          signals.halve(previousSentenceFirst, sentenceFirst); // 内容很好。但是印刷太差。
          afterTurn = true;
        }
      }
      Double base = lexicon.get(word);
      if (base == null || degrees.containsKey(word) && i + 1 < words.size() && lexicon.containsKey(words.get(i + 1))) {
        continue; // 好 in 好慢, 好难用 says how slow, not that something is good
      }
      double valence = base;
      for (int back = 1; back <= 3 && i - back >= clauseStart; back++) {
        String before = words.get(i - back);
        Double degree = degrees.get(before);
        if (degree != null) {
          valence *= degree;
        } else if (negations.contains(before)) {
          valence *= EnglishScorer.NEGATED;
          break;
        } else if (lexicon.containsKey(before)) {
          break; // another sentiment word: what came before belongs to it
        }
      }
      if (valence > 0 && deniedComparison(words, clauseStart, i)) {
        valence *= EnglishScorer.NEGATED;
      }
      signals.add(valence, afterTurn, verdict, sentence);
    }
    double sum = leastSignal(signals.sum(lastSentence));
    return sum + EnglishScorer.emphasis(text, sum);
  }

  /** The valences found so far, each with its weight and its sentence. */
  private static final class Signals {
    private double[] valences = new double[16];
    private double[] weights = new double[16];
    private int[] sentences = new int[16];
    private boolean[] dangling = new boolean[16];
    private int size;

    void add(double valence, boolean afterTurn, boolean verdict, int sentence) {
      if (size == valences.length) {
        valences = Arrays.copyOf(valences, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
        sentences = Arrays.copyOf(sentences, size * 2);
        dangling = Arrays.copyOf(dangling, size * 2);
      }
      valences[size] = valence;
      dangling[size] = false;
      weights[size] = (afterTurn ? AFTER_TURN : 1.0) * (verdict ? VERDICT : 1.0);
      sentences[size] = sentence;
      size++;
    }

    void addDangling(double valence, boolean afterTurn, boolean verdict, int sentence) {
      add(valence, afterTurn, verdict, sentence);
      dangling[size - 1] = true;
    }

    /** The signals from {@code from} to {@code to} came before a turn. */
    void halve(int from, int to) {
      for (int i = from; i < to; i++) {
        weights[i] *= BEFORE_TURN;
      }
    }

    /** In a long review the first and the last sentence carry the verdict more than the middle. */
    double sum(int lastSentence) {
      boolean longReview = lastSentence >= LONG_REVIEW - 1;
      double sum = 0;
      for (int i = 0; i < size; i++) {
        double weight = weights[i];
        if (longReview && (sentences[i] == 0 || sentences[i] == lastSentence)) {
          weight *= FIRST_AND_LAST;
        }
        if (longReview && dangling[i]) {
          weight *= DANGLING_IN_LONG_REVIEW;
        }
        sum += valences[i] * weight;
      }
      return sum;
    }
  }

  private static boolean isPunctuation(String word) {
    return !word.isEmpty() && word.chars().allMatch(c -> CLAUSE_ENDS.indexOf(c) >= 0);
  }

  /** Whether a sentiment word follows the negation at {@code at} within three words, in the same clause. */
  private boolean turnsASentimentWord(List<String> words, int at) {
    for (int next = at + 1; next <= at + 3 && next < words.size() && !isPunctuation(words.get(next)); next++) {
      if (lexicon.containsKey(words.get(next))) {
        return true;
      }
    }
    return false;
  }

  private static boolean asksWhy(List<String> words, int from, int to) {
    return words.subList(from, to).stream().anyMatch(COMPLAINT_QUESTIONS::contains);
  }

  /** 没有 (or 不如…) earlier in the clause and 那么 (or 想象, 预期…) between it and the word at {@code at}. */
  private static boolean deniedComparison(List<String> words, int from, int at) {
    boolean denied = false;
    for (int i = from; i < at; i++) {
      if (DENIED_COMPARISONS.contains(words.get(i))) {
        denied = true;
      } else if (denied && COMPARISON_MARKS.contains(words.get(i))) {
        return true;
      }
    }
    return false;
  }
}
