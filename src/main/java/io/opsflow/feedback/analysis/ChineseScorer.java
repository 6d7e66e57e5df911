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
 */
final class ChineseScorer {

  private static final Set<String> TURNS = Set.of("但是", "但", "可是", "不过", "然而", "只是", "就是", "却");
  private static final String CLAUSE_ENDS = "，。！？；,.!?;~～…、\n";
  private static final String SENTENCE_ENDS = "。！？.!?…\n";

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
      if (word.length() == 1 && CLAUSE_ENDS.indexOf(word.charAt(0)) >= 0) {
        clauseStart = i + 1;
        if (SENTENCE_ENDS.indexOf(word.charAt(0)) >= 0) {
          sentenceFirst = valences.size();
          afterTurn = false;
        }
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
      valences.add(valence);
      weights.add(afterTurn ? 1.5 : 1.0);
    }
    double sum = 0;
    for (int i = 0; i < valences.size(); i++) {
      sum += valences.get(i) * weights.get(i);
    }
    return sum + EnglishScorer.emphasis(text, sum);
  }
}
