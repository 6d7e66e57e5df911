package io.opsflow.notify.channels;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WeCom (企业微信) group robot: the robot's {@code key} is in its URL, so there is no signature. A
 * markdown message naming people as {@code <@userid>}; WeCom takes at most 4,096 bytes of
 * content and answers {@code errcode} 0 when it took the message.
 */
@Component
class WeComClient implements ChannelClient {

  static final int CONTENT_MAX_BYTES = 4_096;

  /** "api freq out of limit" (more than 20 a minute) and "system busy": waiting helps. */
  private static final Set<Integer> RETRYABLE_CODES = Set.of(45009, -1);

  private final VendorHttp http;
  private final ObjectMapper json;

  WeComClient(VendorHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.WECOM;
  }

  @Override
  public void check(ChannelTarget target) {
    Checks.hasQueryParameter(target, Checks.httpUrl(target), "key");
  }

  @Override
  public Delivery send(ChannelTarget target, Message message) {
    String body;
    try {
      body = json.writeValueAsString(body(message));
    } catch (Exception e) {
      return Delivery.failed(0, VendorHttp.cut("could not build the WeCom message: " + e.getMessage()), false);
    }
    return http.postJson(target.target(), body, Map.of(), WeComClient::judge);
  }

  private ObjectNode body(Message message) {
    StringBuilder tail = new StringBuilder();
    if (ChatText.hasLink(message)) {
      tail.append("\n[").append(ChatText.openLabel(message)).append("](").append(message.link()).append(")");
    }
    StringBuilder mentions = new StringBuilder();
    message.mentions().stream().filter(person -> ChatText.present(person.wecomUserId()))
        .forEach(person -> mentions.append("<@").append(person.wecomUserId()).append("> "));
    if (!mentions.isEmpty()) {
      tail.append("\n").append(mentions.toString().trim());
    }
    // the link and the mentions are what the on-call person needs: cut the body, never them
    String head = "**" + message.title() + "**\n" + message.markdown();
    int tailBytes = tail.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    String content = ChatText.clipUtf8(head, CONTENT_MAX_BYTES - tailBytes) + tail;
    ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
    body.putObject("markdown").put("content", content);
    return body;
  }

  static Delivery judge(int status, String answer) {
    return VendorAnswers.judge("WeCom", status, answer, List.of("errcode"), RETRYABLE_CODES);
  }
}
