package io.opsflow.notify.channels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.kernel.webhook.Hmac;

/**
 * DingTalk custom robot (自定义机器人), signed ("加签"): the robot's URL with {@code timestamp}
 * (ms) and {@code sign} = URL-encoded Base64 of HMAC-SHA256 keyed by the secret over
 * {@code timestamp + "\n" + secret}. A markdown message that {@code at}s the people named, whose
 * mobile or user id must also stand in the text as {@code @...} for DingTalk to highlight them.
 * DingTalk answers HTTP 200 with {@code errcode} 0 when it took the message.
 */
@Component
class DingTalkClient implements ChannelClient {

  /** "send too fast" (more than 20 a minute) and "system busy": waiting helps. */
  private static final Set<Integer> RETRYABLE_CODES = Set.of(130101, -1);

  private final VendorHttp http;
  private final ObjectMapper json;

  DingTalkClient(VendorHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.DINGTALK;
  }

  @Override
  public void check(ChannelTarget target) {
    Checks.hasQueryParameter(target, Checks.httpUrl(target), "access_token");
    Checks.hasSecret(target, "the robot's 加签 secret (SEC...), so nobody else can post as OpsFlow");
  }

  @Override
  public Delivery send(ChannelTarget target, Message message) {
    String body;
    String url;
    try {
      body = json.writeValueAsString(body(message));
      url = signedUrl(target);
    } catch (Exception e) {
      return Delivery.failed(0, VendorHttp.cut("could not build the DingTalk message: " + e.getMessage()), false);
    }
    return http.postJson(url, body, Map.of(), DingTalkClient::judge);
  }

  private String signedUrl(ChannelTarget target) {
    if (!target.hasSecret()) {
      return target.target();
    }
    long timestamp = http.clock().millis();
    byte[] mac = Hmac.sha256(target.secret().getBytes(StandardCharsets.UTF_8),
        (timestamp + "\n" + target.secret()).getBytes(StandardCharsets.UTF_8));
    String sign = URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    return target.target() + (target.target().contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign;
  }

  private ObjectNode body(Message message) {
    List<String> mobiles = new ArrayList<>();
    List<String> userIds = new ArrayList<>();
    StringBuilder text = new StringBuilder("#### ").append(message.title()).append("\n\n").append(message.markdown());
    if (ChatText.hasLink(message)) {
      text.append("\n\n[").append(ChatText.openLabel(message)).append("](").append(message.link()).append(")");
    }
    StringBuilder ats = new StringBuilder();
    for (Recipient person : message.mentions()) {
      if (ChatText.present(person.mobile())) {
        mobiles.add(person.mobile());
        ats.append(" @").append(person.mobile());
      } else if (ChatText.present(person.dingtalkUserId())) {
        userIds.add(person.dingtalkUserId());
        ats.append(" @").append(person.dingtalkUserId());
      }
    }
    if (!ats.isEmpty()) {
      text.append("\n\n").append(ats.toString().trim());
    }
    ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
    body.putObject("markdown").put("title", message.title()).put("text", text.toString());
    ObjectNode at = body.putObject("at");
    mobiles.forEach(at.putArray("atMobiles")::add);
    userIds.forEach(at.putArray("atUserIds")::add);
    at.put("isAtAll", false);
    return body;
  }

  static Delivery judge(int status, String answer) {
    return VendorAnswers.judge("DingTalk", status, answer, List.of("errcode"), RETRYABLE_CODES);
  }
}
