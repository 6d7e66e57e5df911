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

/** Against a local server that checks what DingTalk's custom-robot documentation asks for. */
class DingTalkClientTest {

  static final String SECRET = "SECb4f3c9d1e2a7f8e0c6b5a4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3";

  final VendorServer dingtalk = new VendorServer("{\"errcode\":0,\"errmsg\":\"ok\"}");
  final DingTalkClient client = new DingTalkClient(VendorServer.http(), VendorServer.JSON);

  @AfterEach
  void stop() {
    dingtalk.close();
  }

  ChannelTarget robot() {
    return new ChannelTarget(ChannelKind.DINGTALK, dingtalk.url("/robot/send?access_token=abc123"), SECRET);
  }

  @Test
  void signedMarkdownMessageAtsThePersonOnCall() throws Exception {
    Delivery delivery = client.send(robot(), Messages.incidentOpened());

    assertThat(delivery).isEqualTo(Delivery.delivered(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    VendorServer.Call call = dingtalk.onlyCall();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/robot/send");
    assertThat(call.header("Content-Type")).startsWith("application/json");
    // the documentation: timestamp in ms, within an hour of DingTalk's clock; sign =
    // urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)))
    assertThat(call.query()).containsEntry("access_token", "abc123")
        .containsEntry("timestamp", Long.toString(VendorServer.NOW.toEpochMilli()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(
        mac.doFinal((VendorServer.NOW.toEpochMilli() + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(call.query().get("sign")).isEqualTo(expected);
    assertThat(call.rawQuery()).as("Base64's + / = URL-encoded").doesNotContain("+").doesNotContain("/");

    JsonNode body = call.json();
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.path("markdown").path("title").asText()).isEqualTo("P1 故障：payments-api 支付失败 🔥");
    String text = body.path("markdown").path("text").asText();
    assertThat(text).startsWith("#### P1 故障：payments-api 支付失败 🔥\n\n**服务** payments-api")
        .contains("😱").contains("(https://opsflow.example.com/camunda/app/tasklist/default/#/?task=abc&x=1)")
        .as("DingTalk highlights only who is also named in the text").contains("@13800138000");
    assertThat(body.path("at").path("atMobiles").get(0).asText()).isEqualTo("13800138000");
    assertThat(body.path("at").path("isAtAll").asBoolean(true)).isFalse();
  }

  @Test
  void personWithoutMobileIsAtByDingTalkUserId() {
    Recipient noMobile = new Recipient("li", "李雷", null, null, "ding-li", null, null);
    Message message = Messages.incidentOpened();
    client.send(robot(), new Message(message.id(), message.event(), message.reference(), message.title(),
        message.markdown(), message.text(), message.link(), java.util.List.of(noMobile), message.facts()));

    JsonNode body = dingtalk.onlyCall().json();
    assertThat(body.path("at").path("atUserIds").get(0).asText()).isEqualTo("ding-li");
    assertThat(body.path("at").path("atMobiles")).isEmpty();
    assertThat(body.path("markdown").path("text").asText()).endsWith("@ding-li");
  }

  @Test
  void tooFastIsRetryableAndABadSignIsNot() {
    dingtalk.answerNext(200, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
    dingtalk.answerNext(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");

    Delivery tooFast = client.send(robot(), Messages.incidentOpened());
    Delivery badSign = client.send(robot(), Messages.incidentOpened());

    assertThat(tooFast.delivered()).isFalse();
    assertThat(tooFast.retryable()).isTrue();
    assertThat(tooFast.answer()).contains("send too fast");
    assertThat(badSign).isEqualTo(Delivery.failed(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}", false));
  }

  @Test
  void serverErrorIsRetryableAndAPageThatIsNoDingTalkAnswerIsNot() {
    dingtalk.answerNext(502, "bad gateway");
    dingtalk.answerNext(200, "<html>proxy login</html>");

    assertThat(client.send(robot(), Messages.incidentOpened())).isEqualTo(Delivery.failed(502, "bad gateway", true));
    Delivery proxyPage = client.send(robot(), Messages.incidentOpened());
    assertThat(proxyPage.delivered()).isFalse();
    assertThat(proxyPage.retryable()).isFalse();
  }

  @Test
  void checkWantsTheRobotsUrlAndItsSecret() {
    client.check(robot());
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.DINGTALK, robot().target(), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.DINGTALK, "oapi.dingtalk.com/robot/send?access_token=x", SECRET)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.DINGTALK, "ftp://oapi.dingtalk.com/robot/send?access_token=x", SECRET)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send", SECRET)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access_token");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.DINGTALK, "https://exa mple.com/?access_token=1", SECRET)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a URL");
  }
}
