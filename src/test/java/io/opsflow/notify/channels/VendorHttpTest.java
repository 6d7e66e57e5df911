package io.opsflow.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What no vendor answer may do: make send() throw. */
class VendorHttpTest {

  @Test
  void noAnswerWithinTheTimeOutIsARetryableFailureWithStatusZero() {
    try (VendorServer slow = new VendorServer("ok")) {
      slow.answerNextAfter(Duration.ofSeconds(2), 200, "ok");
      VendorHttp http = new VendorHttp(Clock.systemUTC(), Duration.ofMillis(300));

      Delivery delivery = http.postJson(slow.url("/hook"), "{}", Map.of(), VendorHttp::byStatus);

      assertThat(delivery.delivered()).isFalse();
      assertThat(delivery.status()).isZero();
      assertThat(delivery.retryable()).isTrue();
      assertThat(delivery.answer()).contains("time-out");
    }
  }

  @Test
  void refusedConnectionIsARetryableFailureWithStatusZero() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SlackClient slack = new SlackClient(VendorServer.http(), VendorServer.JSON);

    Delivery delivery = slack.send(new ChannelTarget(ChannelKind.SLACK, "http://127.0.0.1:" + closedPort + "/x", null),
        Messages.english());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.status()).isZero();
    assertThat(delivery.retryable()).isTrue();
  }

  @Test
  void aTargetThatIsNoUrlFailsForGoodInsteadOfThrowing() {
    WeComClient wecom = new WeComClient(VendorServer.http(), VendorServer.JSON);

    Delivery delivery = wecom.send(new ChannelTarget(ChannelKind.WECOM, "not a url", null), Messages.english());

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.retryable()).isFalse();
  }

  @Test
  void aLongAnswerIsCutToTwoThousandCharacters() {
    try (VendorServer chatty = new VendorServer("ok")) {
      chatty.answerNext(500, "错".repeat(5_000));

      Delivery delivery = VendorServer.http().postJson(chatty.url("/"), "{}", Map.of(), VendorHttp::byStatus);

      assertThat(delivery.answer()).hasSize(VendorHttp.ANSWER_MAX).startsWith("错错").endsWith("...");
      assertThat(delivery.retryable()).isTrue();
    }
  }
}
