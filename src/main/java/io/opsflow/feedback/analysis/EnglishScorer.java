package io.opsflow.feedback.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English sentiment by VADER's rules (Hutto and Gilbert, ICWSM 2014), written anew for OpsFlow over
 * VADER's lexicon: a word's valence, raised or lowered by up to three boosters before it ("very",
 * "slightly"), turned around and weakened by a negation among the three words before it ("not",
 * "isn't", "never"), stronger in capitals when the rest is not, halved before a "but" and raised
 * by half after it, and pushed away from zero by exclamation marks. Review phrases ("waste of",
 * "never ... again", "will be back") count as one word with their own valence: their words alone say
 * little or the opposite, and a review without any lexicon word would otherwise be neutral.
 * On top of these, learned terms ({@code lexicon-en-learned.tsv}: words and word pairs weighed from
 * labelled reviews by {@code LearnedLexiconTool}) add their weight, turned around by a negation among
 * the three words before them and halved or raised by half around a "but" like the rest.
 * {@link #valence} is the sum before normalising, so a mixed text adds the Chinese sum to it.
 */
final class EnglishScorer {

  static final double BOOST = 0.293;
  static final double CAPS = 0.733;
  static final double NEGATED = -0.74;
  static final double EXCLAMATION = 0.292;

  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nothing", "nobody", "nowhere",
      "neither", "nor", "cannot", "without", "hardly", "rarely", "seldom", "despite", "aint", "arent", "cant",
      "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt",
      "shouldnt", "wasnt", "werent", "wont", "wouldnt", "nope", "uhuh");
  private static final Set<String> BOOSTERS_UP = Set.of("absolutely", "amazingly", "awfully", "completely",
      "considerably", "decidedly", "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely",
      "fabulously", "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most",
      "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally",
      "tremendously", "unbelievably", "unusually", "utterly", "very", "super", "way", "hella", "damn", "too", "pretty");
  private static final Set<String> BOOSTERS_DOWN = Set.of("almost", "barely", "hardly", "just", "kinda", "less",
      "little", "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta", "bit");

  /** The words before "like" when it means liking: "I like", "would like", "didn't like". */
  private static final Set<String> LIKERS = Set.of("i", "we", "you", "they", "he", "she", "really", "would", "i'd",
      "we'd", "did", "didn't", "dont", "don't", "do", "not", "also", "just", "still", "totally", "definitely");

  /** A phrase of {@code phrases-en.tsv}: its words, "..." standing for up to three others. */
  private record Phrase(String[] words, double valence) {
  }

  private static final String GAP = "...";
  private static final int GAP_MAX = 5;

  private final Map<String, Double> lexicon;
  /** By first word, longest first. */
  private final Map<String, List<Phrase>> phrases;
  /** Words and word pairs (one space between), lower case without apostrophes, on VADER's scale. */
  private final Map<String, Double> learned;

  /** What {@link #terms} tells about each learned term of a text. */
  interface TermSink {
    void accept(String term, double factor);
  }

  EnglishScorer(Map<String, Double> lexicon, Map<String, Double> phrases, Map<String, Double> learned) {
    this.lexicon = lexicon;
    this.learned = learned;
    Map<String, List<Phrase>> byFirst = new HashMap<>();
    phrases.forEach((phrase, valence) -> {
      String[] words = phrase.split(" ");
      if (words[0].equals(GAP) || Arrays.stream(words).anyMatch(word -> word.length() < 2)) {
        throw new IllegalStateException("feedback/phrases-en.tsv: '" + phrase + "' starts with a gap or has a word"
            + " of one character, which the scorer never sees");
      }
      byFirst.computeIfAbsent(words[0], first -> new ArrayList<>()).add(new Phrase(words, valence));
    });
    byFirst.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> -p.words().length)));
    this.phrases = Map.copyOf(byFirst);
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String raw : text.split("[\\s\\p{Z}]+")) {
      String stripped = strip(raw);
      if (stripped.length() > 1 || stripped.equals("I")) {
        words.add(stripped); // "I" stays for "I like"; other single letters and digits carry nothing
      } else if (raw.length() > 1 && !stripped.equals(raw)) {
        words.add(raw); // an emoticon such as :) or :(
      }
    }
    return words;
  }

  /** Punctuation off both ends; apostrophes inside stay (isn't), and are dropped for the lookup of negations. */
  private static String strip(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && !Character.isLetterOrDigit(raw.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(start, end);
  }

  double valence(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return 0;
    }
    double sum = rules(words) + learned(words);
    return sum + emphasis(text, sum);
  }

  private double learned(List<String> words) {
    double[] sum = {0};
    terms(words, (term, factor) -> sum[0] += learned.getOrDefault(term, 0.0) * factor);
    return sum[0];
  }

  /** The valence by VADER's rules and the phrases alone, without the learned terms: what they are learned on top of. */
  double rulesValence(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return 0;
    }
    double sum = rules(words);
    return sum + emphasis(text, sum);
  }

  /**
   * Every word of the text and every pair of neighbouring words, lower case without apostrophes, with the
   * factor the rules give a learned term there: {@link #NEGATED} after a negation among the three words
   * before it, times 0.5 before the first "but" and 1.5 after it.
   */
  void terms(String text, TermSink sink) {
    terms(words(text), sink);
  }

  private static void terms(List<String> words, TermSink sink) {
    int butAt = -1;
    String[] plain = new String[words.size()];
    for (int i = 0; i < plain.length; i++) {
      plain[i] = words.get(i).toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
      if (butAt < 0 && (plain[i].equals("but") || plain[i].equals("however"))) {
        butAt = i;
      }
    }
    for (int i = 0; i < plain.length; i++) {
      double factor = butAt < 0 || i == butAt ? 1 : i < butAt ? 0.5 : 1.5;
      if (negatedBefore(words, i)) {
        factor *= NEGATED;
      }
      sink.accept(plain[i], factor);
      if (i + 1 < plain.length) {
        sink.accept(plain[i] + " " + plain[i + 1], factor);
      }
    }
  }

  private double rules(List<String> words) {
    boolean capsDiffer = capsDiffer(words);
    List<String> plain = words.stream().map(word -> word.toLowerCase(Locale.ROOT).replace("'", "").replace("’", ""))
        .toList();
    List<Double> valences = new ArrayList<>();
    int butAt = -1;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String lower = word.toLowerCase(Locale.ROOT);
      if (butAt < 0 && (lower.equals("but") || lower.equals("however"))) {
        butAt = valences.size();
      }
      int phraseEnd = -1;
      for (Phrase phrase : phrases.getOrDefault(plain.get(i), List.of())) {
        phraseEnd = match(phrase.words(), 0, plain, i);
        if (phraseEnd > 0) {
          valences.add(negatedBefore(words, i) ? phrase.valence() * NEGATED : phrase.valence());
          break;
        }
      }
      if (phraseEnd > 0) {
        i = phraseEnd - 1;
        continue;
      }
      Double base = lexicon.get(lower);
      if (base == null || isBooster(lower) || (lower.equals("kind") && next(words, i).equals("of"))) {
        continue;
      }
      if (lower.equals("like") && !LIKERS.contains(i == 0 ? "" : words.get(i - 1).toLowerCase(Locale.ROOT))) {
        continue; // "like rubber", "was like": a comparison, not a liking
      }
      if (lower.equals("no") && i + 1 < words.size() && lexicon.containsKey(next(words, i))) {
        continue; // "no" before a sentiment word negates it (below) rather than counting itself
      }
      double valence = base;
      if (capsDiffer && isCaps(word)) {
        valence += valence > 0 ? CAPS : -CAPS;
      }
      for (int back = 1; back <= 3 && i - back >= 0; back++) {
        String before = words.get(i - back).toLowerCase(Locale.ROOT);
        if (!lexicon.containsKey(before) || isBooster(before)) {
          double boost = boost(words.get(i - back), valence, capsDiffer);
          valence += boost * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
        }
        if (isNegation(before)) {
          valence *= NEGATED;
          break;
        }
      }
      valences.add(valence);
    }
    double sum = 0;
    for (int i = 0; i < valences.size(); i++) {
      double weight = butAt < 0 ? 1 : i < butAt ? 0.5 : 1.5;
      sum += valences.get(i) * weight;
    }
    return sum;
  }

  /** The end (exclusive) of the phrase's words from {@code word} on in {@code plain} at {@code at}, or -1. */
  private static int match(String[] phrase, int word, List<String> plain, int at) {
    if (word == phrase.length) {
      return at;
    }
    if (phrase[word].equals(GAP)) {
      for (int skip = 0; skip <= GAP_MAX; skip++) {
        int end = match(phrase, word + 1, plain, at + skip);
        if (end > 0) {
          return end;
        }
      }
      return -1;
    }
    return at < plain.size() && plain.get(at).equals(phrase[word]) ? match(phrase, word + 1, plain, at + 1) : -1;
  }

  private static boolean negatedBefore(List<String> words, int i) {
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      if (isNegation(words.get(i - back).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  static double emphasis(String text, double sum) {
    if (sum == 0) {
      return 0;
    }
    long marks = text.chars().filter(c -> c == '!' || c == '！').count();
    double push = Math.min(marks, 4) * EXCLAMATION;
    return sum > 0 ? push : -push;
  }

  private double boost(String word, double valence, boolean capsDiffer) {
    String lower = word.toLowerCase(Locale.ROOT);
    double boost = BOOSTERS_UP.contains(lower) ? BOOST : BOOSTERS_DOWN.contains(lower) ? -BOOST : 0;
    if (boost != 0 && valence < 0) {
      boost = -boost;
    }
    if (boost != 0 && capsDiffer && isCaps(word)) {
      boost += valence > 0 ? CAPS : -CAPS;
    }
    return boost;
  }

  private static boolean isBooster(String lower) {
    return BOOSTERS_UP.contains(lower) || BOOSTERS_DOWN.contains(lower);
  }

  static boolean isNegation(String lower) {
    String plain = lower.replace("'", "").replace("’", "");
    return NEGATIONS.contains(plain) || plain.endsWith("nt") && lower.contains("n'") || lower.endsWith("n’t");
  }

  private static String next(List<String> words, int i) {
    return i + 1 < words.size() ? words.get(i + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static boolean capsDiffer(List<String> words) {
    long caps = words.stream().filter(EnglishScorer::isCaps).count();
    return caps > 0 && caps < words.size();
  }

  private static boolean isCaps(String word) {
    boolean letters = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isUpperCase(c);
    }
    return letters && word.length() > 1;
  }
}
