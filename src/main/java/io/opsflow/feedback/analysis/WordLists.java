package io.opsflow.feedback.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The word lists in {@code src/main/resources/feedback/}: UTF-8, one entry a line, {@code #} starts a comment line. */
final class WordLists {

  private WordLists() {
  }

  /** {@code word<TAB>number} lines. */
  static Map<String, Double> weights(String name) {
    Map<String, Double> weights = new HashMap<>();
    read(name, line -> {
      int tab = line.indexOf('\t');
      if (tab < 1) {
        throw new IllegalStateException("feedback/" + name + ": no word<TAB>number in '" + line + "'");
      }
      weights.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1).strip()));
    });
    return Map.copyOf(weights);
  }

  /** Words separated by white space, many a line or one a line. */
  static Set<String> words(String name) {
    Set<String> words = new HashSet<>();
    read(name, line -> {
      for (String word : line.strip().split("\\s+")) {
        words.add(word);
      }
    });
    return Set.copyOf(words);
  }

  private static void read(String name, java.util.function.Consumer<String> lines) {
    try (InputStream in = WordLists.class.getResourceAsStream("/feedback/" + name)) {
      if (in == null) {
        throw new IllegalStateException("feedback/" + name + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.accept(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
