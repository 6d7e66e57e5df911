package io.opsflow.feedback.analysis;

import java.util.ArrayList;
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
 */
final class ChineseScorer {

  private static final Set<String> TURNS = Set.of("但是", "但", "可是", "不过", "然而", "只是", "就是", "却");
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

  ChineseScorer(Map<String, Double> lexicon, Set<String> negations, Map<String, Double> degrees) {
    this.lexicon = lexicon;
    this.negations = negations;
    this.degrees = degrees;
  }

  /** The sum of the words' valences, before normalising; words without a Chinese character are skipped. */
  double valence(List<String> words, String text) {
    List<Double> valences = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    int sentenceFirst = 0;
    boolean afterTurn = false;
    int clauseStart = 0;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (isPunctuation(word)) {
        if ((word.indexOf('？') >= 0 || word.indexOf('?') >= 0) && asksWhy(words, clauseStart, i)) {
          valences.add(COMPLAINT_QUESTION);
          weights.add(afterTurn ? 1.5 : 1.0);
        }
        clauseStart = i + 1;
        if (word.chars().anyMatch(c -> SENTENCE_ENDS.indexOf(c) >= 0)) {
          sentenceFirst = valences.size();
          afterTurn = false;
        }
        continue;
      }
      if (negations.contains(word) && !turnsASentimentWord(words, i)) {
        valences.add(DANGLING_NEGATION);
        weights.add(afterTurn ? 1.5 : 1.0);
        continue;
      }
      if (TURNS.contains(word) && valences.size() > sentenceFirst) {
        for (int before = sentenceFirst; before < valences.size(); before++) {
          weights.set(before, 0.5);
        }
        afterTurn = true;
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
      valences.add(valence);
      weights.add(afterTurn ? 1.5 : 1.0);
    }
    double sum = 0;
    for (int i = 0; i < valences.size(); i++) {
      sum += valences.get(i) * weights.get(i);
    }
    return sum + EnglishScorer.emphasis(text, sum);
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
