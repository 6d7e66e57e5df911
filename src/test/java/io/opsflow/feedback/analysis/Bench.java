package io.opsflow.feedback.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.opsflow.feedback.Sentiment;

/**
 * The labelled reviews in {@code src/test/resources/feedback/bench/} (sources and licences in its
 * README): {@code <lang>-tuning.tsv} may be looked at to improve the word lists,
 * {@code <lang>-heldout.tsv} only measures; and the training reviews in {@code feedback/train/}.
 */
final class Bench {

  record Item(Sentiment label, String text) {
  }

  record Accuracy(int right, int total, int neutral) {
    double share() {
      return total == 0 ? 0 : (double) right / total;
    }

    @Override
    public String toString() {
      return String.format("%.1f %% (%d of %d right, %d called neutral)", share() * 100, right, total, neutral);
    }
  }

  private Bench() {
  }

  static List<Item> items(String file) {
    return read("/feedback/bench/" + file);
  }

  /** The labelled reviews in {@code src/test/resources/feedback/train/}: for learning word weights, never measured. */
  static List<Item> training(String file) {
    return read("/feedback/train/" + file);
  }

  private static List<Item> read(String resource) {
    try (InputStream in = Bench.class.getResourceAsStream(resource)) {
      List<Item> items = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          items.add(new Item(Sentiment.valueOf(line.substring(0, tab).toUpperCase()), line.substring(tab + 1)));
        }
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A positive or negative item called neutral is a miss. */
  static Accuracy accuracy(SentimentAnalyzer analyzer, List<Item> items) {
    int right = 0;
    int neutral = 0;
    for (Item item : items) {
      Sentiment found = analyzer.analyze(PrivacyMask.mask(item.text())).sentiment();
      right += found == item.label() ? 1 : 0;
      neutral += found == Sentiment.NEUTRAL ? 1 : 0;
    }
    return new Accuracy(right, items.size(), neutral);
  }
}
