package io.opsflow.feedback.analysis;

import org.junit.jupiter.api.Test;

/** Prints the tuning items the analyser gets wrong: what to look at when changing the word lists. Never the held-out. */
class TuningReport {

  @Test
  void printMisses() {
    SentimentAnalyzer analyzer = SentimentAnalyzer.load();
    for (String file : new String[] {"zh-tuning.tsv", "zh-tuning-more.tsv", "zh-tuning-pos.tsv", "en-tuning.tsv"}) {
      System.out.println("== " + file + ": " + Bench.accuracy(analyzer, Bench.items(file)));
      for (Bench.Item item : Bench.items(file)) {
        TextAnalysis found = analyzer.analyze(PrivacyMask.mask(item.text()));
        if (found.sentiment() != item.label()) {
          System.out.println(item.label().code() + " as " + found.sentiment().code() + " " + found.score() + ": "
              + item.text());
        }
      }
    }
  }
}
