package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Against a local server that checks what Feishu's custom-bot documentation asks for. */
class FeishuClientTest {

  static final String SECRET = "demo-secret-密钥";

  final VendorServer feishu = new VendorServer("{\"code\":0,\"data\":{},\"msg\":\"success\"}");
  final FeishuClient client = new FeishuClient(VendorServer.http(), VendorServer.JSON);

  @AfterEach
  void stop() {
    feishu.close();
  }

  ChannelTarget bot() {
    return new ChannelTarget(ChannelKind.FEISHU, feishu.url("/open-apis/bot/v2/hook/xxxxxxxx-xxxx"), SECRET);
  }

  @Test
  void signedInteractiveCardMentionsThePersonOnCall() throws Exception {
    Delivery delivery = client.send(bot(), Messages.incidentOpened());

    assertThat(delivery.delivered()).isTrue();
    VendorServer.Call call = feishu.onlyCall();
    assertThat(call.path()).isEqualTo("/open-apis/bot/v2/hook/xxxxxxxx-xxxx");
    JsonNode body = call.json();
    // the documentation: timestamp in seconds (a string), sign = base64(HmacSHA256 with
    // key = timestamp + "\n" + secret over an empty message)
    String timestamp = body.path("timestamp").asText();
    assertThat(body.path("timestamp").isTextual()).isTrue();
    assertThat(timestamp).isEqualTo(Long.toString(VendorServer.NOW.getEpochSecond()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(body.path("sign").asText()).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])));

    assertThat(body.path("msg_type").asText()).isEqualTo("interactive");
    JsonNode card = body.path("card");
    assertThat(card.path("header").path("title").path("content").asText()).isEqualTo("P1 故障：payments-api 支付失败 🔥");
    assertThat(card.path("header").path("template").asText()).isEqualTo("red");
    JsonNode markdown = card.path("elements").get(0);
    assertThat(markdown.path("tag").asText()).isEqualTo("markdown");
    assertThat(markdown.path("content").asText()).startsWith("**服务** payments-api").contains("😱")
        .endsWith("<at id=ou_7d8a6e6df7621556ce0d21922b676706ccs></at>");
    JsonNode button = card.path("elements").get(1).path("actions").get(0);
    assertThat(button.path("tag").asText()).isEqualTo("button");
    assertThat(button.path("url").asText()).isEqualTo("https://opsflow.example.com/camunda/app/tasklist/default/#/?task=abc&x=1");
    assertThat(button.path("text").path("content").asText()).isEqualTo("去处理");
  }

  @Test
  void headerColourFollowsPriorityAndClosing() {
    Message p3 = Messages.english();
    assertThat(FeishuClient.template(p3)).isEqualTo("yellow");
    assertThat(FeishuClient.template(new Message("m", "incident.closed", "INC-1", "t", "m", "t", null, null,
        java.util.Map.of("priority", "P1")))).isEqualTo("green");
    assertThat(FeishuClient.template(new Message("m", "drill.due", "DRL-1", "t", "m", "t", null, null, null))).isEqualTo("blue");
  }

  @Test
  void rateLimitIsRetryableSignMismatchIsNotAndTheOlderAnswerCounts() {
    feishu.answerNext(200, "{\"code\":9499,\"msg\":\"too many request\"}");
    feishu.answerNext(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
    feishu.answerNext(200, "{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}");
    feishu.answerNext(400, "{\"code\":11232,\"msg\":\"frequency limited\"}");

    Delivery limited = client.send(bot(), Messages.english());
    Delivery badSign = client.send(bot(), Messages.english());
    Delivery older = client.send(bot(), Messages.english());
    Delivery limitedWith400 = client.send(bot(), Messages.english());

    assertThat(limited.delivered()).isFalse();
    assertThat(limited.retryable()).isTrue();
    assertThat(badSign.delivered()).isFalse();
    assertThat(badSign.retryable()).isFalse();
    assertThat(older.delivered()).isTrue();
    assertThat(limitedWith400.retryable()).isTrue();
  }

  @Test
  void checkWantsAUrlAndASecret() {
    client.check(bot());
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.FEISHU, bot().target(), "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.FEISHU, "/open-apis/bot/v2/hook/x", SECRET)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
  }
}
