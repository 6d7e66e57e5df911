package io.opsflow.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.opsflow.notify.channels.ChannelKind;

/** Rate limits, digests and back-off, without a database. */
class DeliveryPlanTest {

  private static NotificationMapper.Row row(long id, String event) {
    return new NotificationMapper.Row(id, "n-" + id, event, "INC-" + id, 1, "", "en", "t" + id, "", "", null, null,
        null, "pending", 0, null, null, null, null, null, null, null, null, null);
  }

  private static List<NotificationMapper.Row> rows(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(id -> row(id, "incident.opened")).toList();
  }

  @Test
  void withinTheLimitEverythingGoesOneByOne() {
    Dispatcher.Plan plan = Dispatcher.plan(rows(20), 20, 0);

    assertThat(plan.send()).hasSize(20);
    assertThat(plan.merge()).isEmpty();
  }

  @Test
  void beyondTheLimitTheRestIsMergedIntoOneDigestThatTakesTheLastSlot() {
    Dispatcher.Plan plan = Dispatcher.plan(rows(25), 20, 0);

    assertThat(plan.send()).extracting(NotificationMapper.Row::notificationId)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 19).mapToObj(Long::valueOf).toList());
    assertThat(plan.merge()).extracting(NotificationMapper.Row::notificationId).containsExactly(20L, 21L, 22L, 23L,
        24L, 25L);
  }

  @Test
  void messagesSentThisMinuteCountAgainstTheLimit() {
    assertThat(Dispatcher.plan(rows(3), 20, 20).send()).isEmpty();
    assertThat(Dispatcher.plan(rows(3), 20, 20).merge()).as("nothing is merged without a slot for the digest").isEmpty();
    Dispatcher.Plan lastSlot = Dispatcher.plan(rows(3), 20, 19);
    assertThat(lastSlot.send()).isEmpty();
    assertThat(lastSlot.merge()).hasSize(3);
  }

  @Test
  void aDigestWaitingForRetryIsNeverMergedAgain() {
    List<NotificationMapper.Row> due = List.of(row(1, Dispatcher.DIGEST), row(2, "incident.opened"),
        row(3, "incident.opened"), row(4, "incident.opened"));

    Dispatcher.Plan plan = Dispatcher.plan(due, 20, 18);

    assertThat(plan.send()).extracting(NotificationMapper.Row::notificationId).containsExactly(1L);
    assertThat(plan.merge()).extracting(NotificationMapper.Row::notificationId).containsExactly(2L, 3L, 4L);
  }

  @Test
  void unlimitedKindsSendEverything() {
    assertThat(Dispatcher.plan(rows(500), null, 0).send()).hasSize(500);
  }

  @Test
  void backOffGrowsAndTheLastStepRepeats() {
    NotifyProperties defaults = new NotifyProperties(null, null, null, null, null, null);

    assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(defaults.backoffAfter(5)).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.backoffAfter(9)).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.maxAttempts()).isEqualTo(6);
    assertThat(defaults.limitOf(ChannelKind.DINGTALK)).isEqualTo(20);
    assertThat(defaults.limitOf(ChannelKind.WECOM)).isEqualTo(20);
    assertThat(defaults.limitOf(ChannelKind.SLACK)).isNull();
  }
}
