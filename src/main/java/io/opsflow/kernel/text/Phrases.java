package io.opsflow.kernel.text;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.opsflow.kernel.domain.Coded;

/**
 * What a module writes for people to read — timeline entries, the facts a task form shows — in both
 * languages OpsFlow speaks, from {@code texts/<module>_en.properties} and
 * {@code texts/<module>_zh_CN.properties} (UTF-8): plain {@code {name}} placeholders, no template
 * engine, as the notification templates. A part between {@code ||} whose value is null is left out, so
 * one text serves entries with and without a note. Both files hold the same keys with the same
 * placeholders and parts (PhrasesTest checks every module's).
 */
public final class Phrases {

  /** Where the modules' texts live: {@code texts/change_en.properties} … */
  public static final String FOLDER = "texts";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

  private final String module;
  private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

  private Phrases(String module) {
    this.module = module;
    texts.put(Language.EN, Texts.properties("/" + FOLDER + "/" + module + "_en.properties"));
    texts.put(Language.ZH, Texts.properties("/" + FOLDER + "/" + module + "_zh_CN.properties"));
  }

  /** The texts of a module, e.g. {@code change}. */
  public static Phrases of(String module) {
    return new Phrases(module);
  }

  /**
   * The text under {@code key} in the reader's language with its placeholders filled: names and
   * values in turn ({@code "service", "payments-api", "at", instant}). A time reads on the reader's
   * clock, a coded value in their language, a collection as its items in a row; a null value leaves
   * out the part that names it.
   *
   * @throws IllegalArgumentException when the text names a placeholder no value is given for
   */
  public String say(Reader reader, String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs: " + key);
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], text(reader, namesAndValues[i + 1]));
    }
    String template = texts.get(reader.language()).getProperty(key);
    if (template == null) {
      throw new IllegalArgumentException("no text " + key + " in " + FOLDER + "/" + module + " ("
          + reader.language().tag() + ")");
    }
    StringBuilder said = new StringBuilder();
    for (String part : template.split("\\|\\|", -1)) {
      if (complete(key, part, values)) {
        said.append(PLACEHOLDER.matcher(part).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1)))));
      }
    }
    return said.toString();
  }

  private static boolean complete(String key, String part, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(part);
    boolean complete = true;
    while (placeholder.find()) {
      if (!values.containsKey(placeholder.group(1))) {
        throw new IllegalArgumentException("no value for {" + placeholder.group(1) + "} in " + key);
      }
      complete &= values.get(placeholder.group(1)) != null;
    }
    return complete;
  }

  private static String text(Reader reader, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Coded coded) {
      return reader.name(coded);
    }
    if (value instanceof Instant instant) {
      return reader.time(instant);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(item -> text(reader, item)).collect(Collectors.joining(reader.say(", ", "、")));
    }
    return value.toString();
  }
}
