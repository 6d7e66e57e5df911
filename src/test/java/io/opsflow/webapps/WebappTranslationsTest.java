package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese webapp translations (zh.json) against the English files of the Camunda webjar on the
 * classpath: after a Camunda upgrade this fails for every key Camunda added, renamed or dropped.
 */
class WebappTranslationsTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
  /** HTML elements; not "<version>", which is text. */
  private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|code|div|em|i|li|p|span|strong|u|ul)\\b[^>]*>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasEveryEnglishKeyAndNoOther(String app) throws IOException {
    JsonNode english = locale(app, "en");
    JsonNode chinese = locale(app, "zh");

    assertThat(names(chinese)).as("top-level parts").isEqualTo(names(english));
    assertThat(names(chinese.path("labels"))).as("keys of %s/locales/zh.json", app)
        .containsExactlyInAnyOrderElementsOf(names(english.path("labels")));
    if (english.has("dateLocales")) {
      assertThat(names(chinese.path("dateLocales"))).isEqualTo(names(english.path("dateLocales")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyChineseLabelIsATranslationThatKeepsPlaceholdersAndMarkup(String app) throws IOException {
    Map<String, String> english = labels(locale(app, "en"));
    Map<String, String> chinese = labels(locale(app, "zh"));

    List<String> wrong = new ArrayList<>();
    english.forEach((key, en) -> {
      String zh = chinese.getOrDefault(key, "");
      boolean pluralEnding = en.equals("s"); // Chinese has none
      if (zh.isBlank() && !en.isBlank() && !pluralEnding || zh.equals(key) && !en.equals(key)) {
        wrong.add(key + ": untranslated \"" + zh + "\"");
      }
      if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, zh))) {
        wrong.add(key + ": placeholders " + all(PLACEHOLDER, en) + " became " + all(PLACEHOLDER, zh));
      }
      if (!all(TAG, en).equals(all(TAG, zh))) {
        wrong.add(key + ": markup " + all(TAG, en) + " became " + all(TAG, zh));
      }
    });
    assertThat(wrong).as("labels of %s/locales/zh.json", app).isEmpty();
  }

  private static JsonNode locale(String app, String language) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path + " on the classpath").isNotNull();
      return JSON.readTree(in);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    return names;
  }

  private static Map<String, String> labels(JsonNode locale) {
    Map<String, String> labels = new TreeMap<>();
    locale.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
    return labels;
  }

  /** The occurrences, whitespace inside placeholders ignored, in a stable order. */
  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replaceAll("\\s+", ""));
    }
    found.sort(null);
    return found;
  }
}
