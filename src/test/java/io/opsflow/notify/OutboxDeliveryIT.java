package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.notify.channels.Delivery;
import io.opsflow.notify.outbox.Dispatcher;
import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.ScriptedChannels;
import io.opsflow.support.TestDatabase;

/** The outbox end to end: rules, one row per notice and channel, delivery, retries, digests, leases. */
class OutboxDeliveryIT extends IntegrationTest {

  @Autowired
  Notifications notifications;

  @Autowired
  Dispatcher dispatcher;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  MeterRegistry meters;

  private String service;
  private String path;
  private long channel;

  @BeforeEach
  void channelAndRule() {
    String suffix = Fixtures.uniqueSuffix();
    service = "ntf" + suffix;
    path = "outbox" + suffix;
    assertThat(as("mia").post("/api/services", "{\"key\":\"" + service + "\",\"name\":\"Notified\",\"tier\":1,"
        + "\"devGroup\":\"dev\"}").status()).isEqualTo(201);
    channel = as("mia").post("/api/notification-channels", "{\"name\":\"值班 " + suffix + "\",\"kind\":\"dingtalk\","
        + "\"target\":\"" + ScriptedChannels.target(path, "tok") + "\",\"secret\":\"SECx\",\"language\":\"zh-CN\"}")
        .json().path("id").asLong();
    assertThat(as("mia").post("/api/notification-rules", "{\"event\":\"incident.opened\",\"service\":\"" + service
        + "\",\"minPriority\":\"P2\",\"channels\":[" + channel + "]}").status()).isEqualTo(201);
  }

  private Notice opened(String reference) {
    return Notice.of("incident.opened:" + reference, NoticeEvent.INCIDENT_OPENED, reference).withService(service)
        .withPriority("P1").withFacts(Map.of("title", "支付超时 🚨 " + reference)).withTask("task-" + reference);
  }

  private List<Long> publish(Notice notice) {
    return transactions.execute(status -> notifications.publish(notice));
  }

  private List<List<String>> rows(String reference) {
    return TestDatabase.rows(DATABASE, "SELECT state, attempts, last_status, last_answer, merged_into, title"
        + " FROM notification WHERE reference = '" + reference + "' AND channel_id = " + channel);
  }

  private JsonNode history(String query) {
    return as("olivia").get("/api/notifications?" + query).json();
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  @Test
  void aNoticePublishedTwiceIsEnqueuedOnce() {
    String reference = "INC-DUP" + Fixtures.uniqueSuffix();

    List<Long> first = publish(opened(reference));
    List<Long> second = publish(opened(reference));

    assertThat(first).hasSize(1);
    assertThat(second).isEmpty();
    assertThat(rows(reference)).hasSize(1);
  }

  @Test
  void onlyMatchingNoticesAreEnqueued() {
    String reference = "INC-NOMATCH" + Fixtures.uniqueSuffix();

    publish(opened(reference).withPriority("P3"));
    publish(opened(reference + "-b").withPriority(null));
    publish(opened(reference + "-c").withService("payments-api"));

    assertThat(rows(reference)).isEmpty();
    assertThat(rows(reference + "-b")).isEmpty();
    assertThat(rows(reference + "-c")).isEmpty();
  }

  @Test
  void aRolledBackEventLeavesNoMessage() {
    String reference = "INC-ROLLBACK" + Fixtures.uniqueSuffix();

    transactions.executeWithoutResult(status -> {
      notifications.publish(opened(reference));
      status.setRollbackOnly();
    });

    assertThat(rows(reference)).isEmpty();
  }

  @Test
  void aMessageIsRenderedInTheChannelsLanguageAndDeliveredWithTheVendorsAnswer() {
    String reference = "INC-OK" + Fixtures.uniqueSuffix();
    publish(opened(reference));

    dispatcher.runOnce();

    List<ScriptedChannels.Sent> sent = ScriptedChannels.sent(path);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).message().title()).isEqualTo("[P1] 事件 " + reference + " 已创建 ：支付超时 🚨 " + reference);
    assertThat(sent.get(0).message().link()).isEqualTo("http://localhost:8080/camunda/app/tasklist/default/#/?task=task-"
        + reference);
    assertThat(sent.get(0).message().text()).contains("服务：" + service, "优先级：P1");
    assertThat(sent.get(0).target().secret()).isEqualTo("SECx");
    assertThat(rows(reference).get(0).subList(0, 4)).containsExactly("delivered", "1", "200",
        "{\"errcode\":0,\"errmsg\":\"ok\"}");
    assertThat(rows(reference).get(0).get(5)).as("stored whole").endsWith("支付超时 🚨 " + reference);
    JsonNode entry = history("incident=" + reference).get(0);
    assertThat(entry.path("state").asText()).isEqualTo("delivered");
    assertThat(entry.path("channel").path("kind").asText()).isEqualTo("dingtalk");
    assertThat(entry.path("answer").asText()).contains("errcode");
    assertThat(entry.has("deliveredAt")).isTrue();
  }

  @Test
  void aRetryableFailureIsTriedAgainAfterTheBackOff() {
    String reference = "INC-RETRY" + Fixtures.uniqueSuffix();
    ScriptedChannels.answer(path, Delivery.failed(503, "busy", true), Delivery.delivered(200, "ok"));
    publish(opened(reference));

    dispatcher.runOnce();
    assertThat(rows(reference).get(0).subList(0, 4)).containsExactly("pending", "1", "503", "busy");
    moveClock(Duration.ofSeconds(5));
    dispatcher.runOnce();
    assertThat(ScriptedChannels.sent(path)).as("not before the back-off").hasSize(1);
    moveClock(Duration.ofSeconds(6));
    dispatcher.runOnce();

    assertThat(ScriptedChannels.sent(path)).hasSize(2);
    assertThat(rows(reference).get(0).subList(0, 4)).containsExactly("delivered", "2", "200", "ok");
    assertThat(ScriptedChannels.sent(path).get(0).message().id()).as("same id on every attempt")
        .isEqualTo(ScriptedChannels.sent(path).get(1).message().id());
  }

  @Test
  void aPermanentFailureIsFailedAtOnceAndListed() {
    String reference = "INC-PERM" + Fixtures.uniqueSuffix();
    ScriptedChannels.answer(path, Delivery.failed(200, "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}", false));
    publish(opened(reference));
    double failedBefore = meters.counter("opsflow.notifications", "kind", "dingtalk", "outcome", "failed").count();

    dispatcher.runOnce();

    assertThat(meters.counter("opsflow.notifications", "kind", "dingtalk", "outcome", "failed").count())
        .isEqualTo(failedBefore + 1);
    assertThat(rows(reference).get(0).subList(0, 2)).containsExactly("failed", "1");
    JsonNode failed = history("state=failed&limit=1000");
    assertThat(failed.findValuesAsText("reference")).contains(reference);
    assertThat(history("reference=" + reference + "&state=failed").get(0).path("answer").asText())
        .contains("token is not exist");
    assertThat(as("devon").get("/api/notifications?state=failed").status()).isEqualTo(403);
    assertThat(as("mia").get("/api/notifications?state=lost").status()).isEqualTo(400);
  }

  @Test
  void retriesStopAfterTheLastAttempt() {
    String reference = "INC-GIVEUP" + Fixtures.uniqueSuffix();
    ScriptedChannels.answer(path, Delivery.failed(0, "connect timed out", true));
    publish(opened(reference));

    for (int attempt = 1; attempt <= 8; attempt++) {
      dispatcher.runOnce();
      moveClock(Duration.ofMinutes(31));
    }

    assertThat(ScriptedChannels.sent(path)).hasSize(6);
    assertThat(rows(reference).get(0).subList(0, 4)).containsExactly("failed", "6", "0", "connect timed out");
  }

  @Test
  void aBurstBeyondTheRobotsLimitIsMergedIntoOneDigestAndNothingIsLost() {
    String prefix = "INC-BURST" + Fixtures.uniqueSuffix() + "-";
    List<String> references = IntStream.rangeClosed(1, 25).mapToObj(n -> prefix + n).toList();
    references.forEach(reference -> publish(opened(reference)));

    dispatcher.runOnce();
    moveClock(Duration.ofSeconds(30));
    dispatcher.runOnce();

    List<ScriptedChannels.Sent> sent = ScriptedChannels.sent(path);
    assertThat(sent).as("at most 20 messages a minute").hasSize(20);
    ScriptedChannels.Sent digest = sent.get(19);
    assertThat(digest.message().title()).isEqualTo("6 条通知");
    String everything = String.join("\n", sent.stream().map(s -> s.message().title() + "\n" + s.message().markdown()
        + (s.message().link() == null ? "" : "\n(" + s.message().link() + ")")).toList());
    references.forEach(reference -> assertThat(everything).as("each one linked once")
        .containsOnlyOnce("?task=task-" + reference + ")"));
    List<List<String>> merged = TestDatabase.rows(DATABASE, "SELECT n.merged_into, d.state FROM notification n"
        + " JOIN notification d ON d.notification_id = n.merged_into WHERE n.channel_id = " + channel
        + " AND n.state = 'merged'");
    assertThat(merged).hasSize(6).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("delivered"));
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM notification WHERE channel_id = " + channel
        + " AND state = 'delivered' AND event = 'incident.opened'")).isEqualTo(19);
  }

  @Test
  void aNotificationWhoseSenderDiedIsDeliveredAgainAfterItsLease() {
    String reference = "INC-LEASE" + Fixtures.uniqueSuffix();
    publish(opened(reference));
    TestDatabase.execute(DATABASE, "UPDATE notification SET state = 'sending', attempts = 1, lease_owner = 'dead-node',"
        + " lease_until = '" + java.sql.Timestamp.from(Instant.now().plusSeconds(60)) + "' WHERE reference = '"
        + reference + "'");

    dispatcher.runOnce();
    assertThat(ScriptedChannels.sent(path)).as("still leased").isEmpty();
    moveClock(Duration.ofMinutes(3));
    dispatcher.runOnce();

    assertThat(ScriptedChannels.sent(path)).hasSize(1);
    assertThat(rows(reference).get(0).subList(0, 2)).containsExactly("delivered", "2");
  }
}
