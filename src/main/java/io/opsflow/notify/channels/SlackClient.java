package io.opsflow.notify.channels;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Slack incoming webhook: the secret is the URL itself. Block Kit (a header, the body as
 * {@code mrkdwn}, a button to the link) with {@code text} as the fallback notifications and
 * screen readers show. Slack answers {@code ok} with 200; 429 when rate limited; other 4xx
 * ({@code invalid_payload}, {@code no_service}, ...) do not get better by retrying.
 */
@Component
class SlackClient implements ChannelClient {

  /** Block Kit's limits: a header's text, a section's text, a button's label. */
  static final int HEADER_MAX = 150;
  static final int SECTION_MAX = 3_000;

  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");

  private final VendorHttp http;
  private final ObjectMapper json;

  SlackClient(VendorHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.SLACK;
  }

  @Override
  public void check(ChannelTarget target) {
    Checks.httpUrl(target);
  }

  @Override
  public Delivery send(ChannelTarget target, Message message) {
    String body;
    try {
      body = json.writeValueAsString(body(message));
    } catch (Exception e) {
      return Delivery.failed(0, VendorHttp.cut("could not build the Slack message: " + e.getMessage()), false);
    }
    return http.postJson(target.target(), body, Map.of(), VendorHttp::byStatus);
  }

  private ObjectNode body(Message message) {
    ObjectNode body = json.createObjectNode();
    body.put("text", message.title() + "\n" + message.text());
    ArrayNode blocks = body.putArray("blocks");
    blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
        .put("text", clip(message.title(), HEADER_MAX)).put("emoji", true);
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
        .put("text", clip(mrkdwn(message.markdown()), SECTION_MAX));
    if (ChatText.hasLink(message)) {
      ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
      button.put("type", "button").put("url", message.link());
      button.putObject("text").put("type", "plain_text").put("text", ChatText.openLabel(message));
    }
    return body;
  }

  /**
   * Slack's mrkdwn from the Markdown the other vendors take: {@code &}, {@code <}, {@code >}
   * escaped as Slack asks, links as {@code <url|text>}, {@code **bold**} and headings as
   * {@code *bold*}.
   */
  static String mrkdwn(String markdown) {
    String escaped = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String linked = LINK.matcher(escaped).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
        "<" + match.group(2) + "|" + match.group(1) + ">"));
    String bold = BOLD.matcher(linked).replaceAll("*$1*");
    return HEADING.matcher(bold).replaceAll("*$1*");
  }

  private static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end) + "…";
  }
}
