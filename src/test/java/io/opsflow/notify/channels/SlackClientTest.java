package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Against a local server that answers as Slack's incoming webhooks do. */
class SlackClientTest {

  final VendorServer slack = new VendorServer("ok");
  final SlackClient client = new SlackClient(VendorServer.http(), VendorServer.JSON);

  @AfterEach
  void stop() {
    slack.close();
  }

  ChannelTarget webhook() {
    return new ChannelTarget(ChannelKind.SLACK, slack.url("/services/T000/B000/XXXX"), null);
  }

  @Test
  void blocksWithHeaderMrkdwnAndAButtonAndAPlainFallback() {
    Delivery delivery = client.send(webhook(), Messages.english());

    assertThat(delivery).isEqualTo(Delivery.delivered(200, "ok"));
    VendorServer.Call call = slack.onlyCall();
    assertThat(call.path()).isEqualTo("/services/T000/B000/XXXX");
    JsonNode body = call.json();
    assertThat(body.path("text").asText()).isEqualTo("P3 incident: search is slow\nService search");
    JsonNode blocks = body.path("blocks");
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("P3 incident: search is slow");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("section");
    assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
    assertThat(blocks.get(1).path("text").path("text").asText())
        .isEqualTo("*Service* search\nSee <https://wiki.example.com/run?a=1&amp;b=2|the runbook> &lt;now&gt;");
    JsonNode button = blocks.get(2).path("elements").get(0);
    assertThat(blocks.get(2).path("type").asText()).isEqualTo("actions");
    assertThat(button.path("type").asText()).isEqualTo("button");
    assertThat(button.path("url").asText()).isEqualTo("https://opsflow.example.com/task/1");
    assertThat(button.path("text").path("text").asText()).isEqualTo("Open");
  }

  @Test
  void chineseAndEmojiArriveWholeAndALongTitleFitsTheHeader() {
    Message message = Messages.incidentOpened();
    client.send(webhook(), new Message(message.id(), message.event(), message.reference(), "故障🔥".repeat(60),
        message.markdown(), message.text(), message.link(), message.mentions(), message.facts()));

    JsonNode body = slack.onlyCall().json();
    assertThat(body.path("text").asText()).contains("😱");
    String header = body.path("blocks").get(0).path("text").path("text").asText();
    assertThat(header.length()).isLessThanOrEqualTo(SlackClient.HEADER_MAX);
    assertThat(header).startsWith("故障🔥").endsWith("…");
    assertThat(body.path("blocks").get(1).path("text").path("text").asText()).contains("*服务* payments-api").contains("😱");
  }

  @Test
  void rateLimitAndServerErrorsAreRetryableOtherRefusalsAreNot() {
    slack.answerNext(429, "rate_limited");
    slack.answerNext(503, "service_unavailable");
    slack.answerNext(404, "no_service");
    slack.answerNext(400, "invalid_payload");

    assertThat(client.send(webhook(), Messages.english())).isEqualTo(Delivery.failed(429, "rate_limited", true));
    assertThat(client.send(webhook(), Messages.english())).isEqualTo(Delivery.failed(503, "service_unavailable", true));
    assertThat(client.send(webhook(), Messages.english())).isEqualTo(Delivery.failed(404, "no_service", false));
    assertThat(client.send(webhook(), Messages.english())).isEqualTo(Delivery.failed(400, "invalid_payload", false));
  }

  @Test
  void checkWantsAnAbsoluteHttpUrl() {
    client.check(webhook());
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.SLACK, "hooks.slack.com/services/x", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hooks.slack.com");
    assertThatThrownBy(() -> client.check(new ChannelTarget(ChannelKind.SLACK, "https://x/" + "a".repeat(2_001), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
  }
}
