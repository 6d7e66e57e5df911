package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Against a local server that checks what WeCom's group-robot documentation asks for. */
class WeComClientTest {

  final VendorServer wecom = new VendorServer("{\"errcode\":0,\"errmsg\":\"ok\"}");
  final WeComClient client = new WeComClient(VendorServer.http(), VendorServer.JSON);

  @AfterEach
  void stop() {
    wecom.close();
  }

  ChannelTarget robot() {
    return new ChannelTarget(ChannelKind.WECOM, wecom.url("/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"), null);
  }

  @Test
  void markdownMessageMentionsThePersonOnCallByUserId() {
    Delivery delivery = client.send(robot(), Messages.incidentOpened());

    assertThat(delivery.delivered()).isTrue();
    VendorServer.Call call = wecom.onlyCall();
    assertThat(call.path()).isEqualTo("/cgi-bin/webhook/send");
    assertThat(call.query()).containsExactly(Map.entry("key", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"));
    JsonNode body = call.json();
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    String content = body.path("markdown").path("content").asText();
    assertThat(content).startsWith("**P1 故障：payments-api 支付失败 🔥**\n**服务** payments-api").contains("😱")
        .contains("[去处理](https://opsflow.example.com/camunda/app/tasklist/default/#/?task=abc&x=1)")
        .endsWith("<@wecom-mia>");
  }

  @Test
  void aLongMessageIsCutToWeComsLimitKeepingLinkAndMentions() {
    Message message = Messages.incidentOpened();
    Message huge = new Message(message.id(), message.event(), message.reference(), message.title(),
        "告".repeat(3_000), message.text(), message.link(), message.mentions(), message.facts());

    client.send(robot(), huge);

    String content = wecom.onlyCall().json().path("markdown").path("content").asText();
    assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4_096);
    assertThat(content).contains("…\n[去处理](").endsWith("<@wecom-mia>");
  }

  @Test
  void rateLimitIsRetryableAndABadKeyIsNot() {
    wecom.answerNext(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
    wecom.answerNext(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");

    Delivery limited = client.send(robot(), Messages.english());
    Delivery badKey = client.send(robot(), Messages.english());

    assertThat(limited.delivered()).isFalse();
    assertThat(limited.retryable()).isTrue();
    assertThat(badKey.delivered()).isFalse();
    assertThat(badKey.retryable()).isFalse();
    assertThat(badKey.answer()).contains("93000");
  }

  @Test
  void noMentionWithoutAWeComUserId() {
    Message message = Messages.incidentOpened();
    client.send(robot(), new Message(message.id(), message.event(), message.reference(), message.title(),
        message.markdown(), message.text(), null, List.of(new Recipient("x", "X", null, null, null, null, null)), null));

    assertThat(wecom.onlyCall().json().path("markdown").path("content").asText()).doesNotContain("<@").doesNotContain("去处理");
  }

  @Test
  void checkWantsTheKeyInTheUrlAndNoSecret() {
    client.check(robot());
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.WECOM, "", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URL");
  }
}
