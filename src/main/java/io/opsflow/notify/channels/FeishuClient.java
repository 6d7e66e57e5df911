package io.opsflow.notify.channels;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.kernel.webhook.Hmac;

/**
 * Feishu / Lark custom bot (自定义机器人) with signature verification (签名校验): {@code timestamp}
 * (seconds) and {@code sign} in the JSON body, where sign is the Base64 of HMAC-SHA256 keyed by
 * {@code timestamp + "\n" + secret} over an empty message (Feishu's own odd but documented
 * choice). An interactive card: a header coloured by priority, the Markdown with
 * {@code <at id=...></at>} mentions, and a button to the link. Feishu answers {@code code} 0
 * (older deployments {@code StatusCode} 0).
 */
@Component
class FeishuClient implements ChannelClient {

  /** Rate limited ("too many requests", "frequency limited"): waiting helps. */
  private static final Set<Integer> RETRYABLE_CODES = Set.of(9499, 11232);

  private final VendorHttp http;
  private final ObjectMapper json;

  FeishuClient(VendorHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.FEISHU;
  }

  @Override
  public void check(ChannelTarget target) {
    Checks.httpUrl(target);
    Checks.hasSecret(target, "the bot's signature-verification secret (签名校验), so nobody else can post as OpsFlow");
  }

  @Override
  public Delivery send(ChannelTarget target, Message message) {
    String body;
    try {
      body = json.writeValueAsString(body(target, message));
    } catch (Exception e) {
      return Delivery.failed(0, VendorHttp.cut("could not build the Feishu message: " + e.getMessage()), false);
    }
    return http.postJson(target.target(), body, Map.of(), FeishuClient::judge);
  }

  private ObjectNode body(ChannelTarget target, Message message) {
    ObjectNode body = json.createObjectNode();
    if (target.hasSecret()) {
      long timestamp = http.clock().instant().getEpochSecond();
      byte[] key = (timestamp + "\n" + target.secret()).getBytes(StandardCharsets.UTF_8);
      body.put("timestamp", Long.toString(timestamp));
      body.put("sign", Base64.getEncoder().encodeToString(Hmac.sha256(key, new byte[0])));
    }
    body.put("msg_type", "interactive");
    ObjectNode card = body.putObject("card");
    card.putObject("config").put("wide_screen_mode", true);
    ObjectNode header = card.putObject("header");
    header.putObject("title").put("tag", "plain_text").put("content", message.title());
    header.put("template", template(message));
    StringBuilder markdown = new StringBuilder(message.markdown());
    StringBuilder mentions = new StringBuilder();
    message.mentions().stream().filter(person -> ChatText.present(person.feishuUserId()))
        .forEach(person -> mentions.append("<at id=").append(person.feishuUserId()).append("></at> "));
    if (!mentions.isEmpty()) {
      markdown.append("\n").append(mentions.toString().trim());
    }
    var elements = card.putArray("elements");
    elements.addObject().put("tag", "markdown").put("content", markdown.toString());
    if (ChatText.hasLink(message)) {
      ObjectNode button = elements.addObject().put("tag", "action").putArray("actions").addObject();
      button.put("tag", "button").put("type", "primary").put("url", message.link());
      button.putObject("text").put("tag", "plain_text").put("content", ChatText.openLabel(message));
    }
    return body;
  }

  /** The header colour: red for P1, orange P2, yellow P3, blue otherwise, green once closed. */
  static String template(Message message) {
    if (message.event() != null && message.event().endsWith(".closed")) {
      return "green";
    }
    Object priority = message.facts().get("priority");
    return switch (priority == null ? "" : priority.toString()) {
      case "P1" -> "red";
      case "P2" -> "orange";
      case "P3" -> "yellow";
      default -> "blue";
    };
  }

  static Delivery judge(int status, String answer) {
    return VendorAnswers.judge("Feishu", status, answer, List.of("code", "StatusCode"), RETRYABLE_CODES);
  }
}
