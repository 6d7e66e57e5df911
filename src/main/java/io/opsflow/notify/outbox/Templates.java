package io.opsflow.notify.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.opsflow.kernel.domain.Coded;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Texts;
import io.opsflow.notify.Notice;

/**
 * Turns a notice into a title and a body in a channel's language, from
 * {@code notify/templates/messages_<language>.properties}: plain {@code {name}} placeholders, no
 * template engine. A title part between {@code ||} and a body line with a value that is missing are
 * left out, so one template serves notices with and without a priority or a deadline. Links point to
 * {@code opsflow.public-url}: the Tasklist task when the notice names one. Times are shown on the
 * installation's clock ({@code opsflow.time-zone}), like everywhere else in OpsFlow.
 */
@Component
public class Templates {

  public static final List<String> LANGUAGES = List.of("zh-CN", "en");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

  private final Map<String, Properties> texts = new HashMap<>();
  private final String publicUrl;
  private final Installation installation;

  Templates(@Value("${opsflow.public-url:http://localhost:8080}") String publicUrl, Installation installation) {
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    texts.put("en", Texts.properties("/notify/templates/messages_en.properties"));
    texts.put("zh-CN", Texts.properties("/notify/templates/messages_zh_CN.properties"));
    this.installation = installation;
  }

  /**
   * One rendered message: title, body as Markdown and as plain text, and the link apart from them:
   * each channel client prints it once, as its vendor shows links best (a button, a Markdown link).
   */
  public record Rendered(String title, String markdown, String text, String link) {
  }

  public Rendered render(Notice notice, String language) {
    Map<String, String> values = new HashMap<>();
    notice.facts().forEach((name, value) -> put(values, name, value, language));
    put(values, "reference", notice.reference(), language);
    put(values, "service", notice.service(), language);
    put(values, "group", notice.group(), language);
    put(values, "priority", notice.priority(), language);
    String code = notice.event().code();
    return rendered(language, text(language, code + ".title"), body(language, code, values), values,
        linkOf(notice));
  }

  /** A channel's test message. */
  public Rendered test(String language, String channelName) {
    Map<String, String> values = Map.of("channel", channelName);
    return rendered(language, text(language, "test.title"), body(language, "test", values), values, publicUrl + "/");
  }

  /** One message for many: one line per item with its link. */
  public Rendered digest(String language, List<Rendered> items) {
    Map<String, String> values = Map.of("count", Integer.toString(items.size()));
    List<String> markdown = new ArrayList<>(List.of(text(language, "digest.body")));
    List<String> text = new ArrayList<>(markdown);
    for (Rendered item : items) {
      markdown.add("- " + (item.link() == null ? item.title() : "[" + item.title() + "](" + item.link() + ")"));
      text.add("- " + item.title() + (item.link() == null ? "" : " " + item.link()));
    }
    return new Rendered(fill(text(language, "digest.title"), values), String.join("\n", markdown),
        String.join("\n", text), null);
  }

  String linkOf(Notice notice) {
    if (notice.taskId() != null) {
      return publicUrl + "/camunda/app/tasklist/default/#/?task=" + notice.taskId();
    }
    if (notice.link() == null) {
      return null;
    }
    return notice.link().startsWith("/") ? publicUrl + notice.link() : notice.link();
  }

  private Rendered rendered(String language, String titleTemplate, List<String> lines, Map<String, String> values,
      String link) {
    String title = titleTemplate.contains("||") ? parts(titleTemplate, values) : fill(titleTemplate, values);
    return new Rendered(title.strip(), String.join("\n\n", lines), String.join("\n", lines), link);
  }

  private List<String> body(String language, String code, Map<String, String> values) {
    List<String> lines = new ArrayList<>();
    for (String line : text(language, code + ".body").split("\n")) {
      if (complete(line, values)) {
        lines.add(fill(line, values));
      }
    }
    return lines;
  }

  private static String parts(String template, Map<String, String> values) {
    StringBuilder title = new StringBuilder();
    for (String part : template.split("\\|\\|")) {
      if (complete(part, values)) {
        title.append(fill(part, values));
      }
    }
    return title.toString();
  }

  private static boolean complete(String template, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      if (!values.containsKey(placeholder.group(1))) {
        return false;
      }
    }
    return true;
  }

  private static String fill(String template, Map<String, String> values) {
    return PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(
        values.getOrDefault(match.group(1), "")));
  }

  /** A fact as the message's reader reads it: a time on the installation's clock, a coded value in their language. */
  private void put(Map<String, String> values, String name, Object value, String language) {
    if (value == null || value.toString().isBlank()) {
      return;
    }
    if (value instanceof Coded coded) {
      values.put(name, language.startsWith("zh") ? coded.chinese() : coded.code());
      return;
    }
    Instant time = null;
    if (value instanceof Instant instant) {
      time = instant;
    } else if (value instanceof OffsetDateTime offset) {
      time = offset.toInstant();
    } else if (value instanceof ZonedDateTime zoned) {
      time = zoned.toInstant();
    } else if (value instanceof Date date) {
      time = date.toInstant();
    }
    values.put(name, time == null ? value.toString() : installation.time(time));
  }

  private String text(String language, String key) {
    Properties properties = texts.getOrDefault(language, texts.get("en"));
    String text = properties.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("no template " + key + " for language " + language);
    }
    return text;
  }
}
