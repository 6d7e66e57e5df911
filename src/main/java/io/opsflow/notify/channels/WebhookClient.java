package io.opsflow.notify.channels;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opsflow.kernel.webhook.StandardWebhookSigner;

/**
 * A generic webhook for receivers of one's own (a ticket system, an SMS gateway, a bot): the
 * message as JSON in the Standard Webhooks shape ({@code type}, {@code timestamp}, {@code data}),
 * signed as Standard Webhooks says, so receivers can use its libraries and reject replays. The
 * {@code webhook-id} is the message id, the same on every retry. 2xx is taken; 408, 429 and 5xx
 * are worth another try.
 */
@Component
class WebhookClient implements ChannelClient {

  private final VendorHttp http;
  private final ObjectMapper json;

  WebhookClient(VendorHttp http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.WEBHOOK;
  }

  @Override
  public void check(ChannelTarget target) {
    Checks.httpUrl(target);
    Checks.hasSecret(target, "the key the receiver checks the webhook-signature with (whsec_<base64> or any text)");
    StandardWebhookSigner.key(target.secret());
  }

  @Override
  public Delivery send(ChannelTarget target, Message message) {
    Instant now = http.clock().instant();
    String body;
    Map<String, String> headers;
    try {
      body = json.writeValueAsString(body(message, now));
      headers = target.hasSecret()
          ? StandardWebhookSigner.headers(target.secret(), message.id(), now.getEpochSecond(), body)
          : Map.of(StandardWebhookSigner.ID_HEADER, message.id(), StandardWebhookSigner.TIMESTAMP_HEADER,
              Long.toString(now.getEpochSecond()));
    } catch (Exception e) {
      return Delivery.failed(0, VendorHttp.cut("could not build the webhook call: " + e.getMessage()), false);
    }
    return http.postJson(target.target(), body, headers, VendorHttp::byStatus);
  }

  private ObjectNode body(Message message, Instant now) {
    ObjectNode body = json.createObjectNode();
    body.put("type", message.event());
    body.put("timestamp", now.toString());
    ObjectNode data = body.putObject("data");
    data.put("reference", message.reference());
    data.put("title", message.title());
    data.put("text", message.text());
    data.put("link", message.link());
    data.set("facts", json.valueToTree(message.facts()));
    var mentions = data.putArray("mentions");
    for (Recipient person : message.mentions()) {
      ObjectNode mention = mentions.addObject();
      putPresent(mention, "userId", person.userId());
      putPresent(mention, "displayName", person.displayName());
      putPresent(mention, "email", person.email());
      putPresent(mention, "mobile", person.mobile());
      putPresent(mention, "dingtalkUserId", person.dingtalkUserId());
      putPresent(mention, "wecomUserId", person.wecomUserId());
      putPresent(mention, "feishuUserId", person.feishuUserId());
    }
    return body;
  }

  private static void putPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
