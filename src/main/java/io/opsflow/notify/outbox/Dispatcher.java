package io.opsflow.notify.outbox;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.kernel.text.Texts;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.notify.channels.ChannelKind;
import io.opsflow.notify.channels.Delivery;
import io.opsflow.notify.channels.Message;
import io.opsflow.notify.channels.Recipient;
import io.opsflow.oncall.Contact;
import io.opsflow.oncall.OnCall;

/**
 * Delivers the outbox. Each run, per channel with messages due: in a short transaction that locks
 * the channel row (so nodes take turns per channel), it claims due rows with a lease
 * ({@code UPDATE ... WHERE state = 'pending'}: a row goes to one node only) and, when more are due
 * than the channel's rate limit leaves room for this minute, merges the excess into one digest
 * message: merged rows point at it, nothing is dropped. Then it sends each claimed row outside any
 * transaction and records the vendor's answer. Retryable failures wait (back-off) and are tried again
 * up to {@code max-attempts}, then they are {@code failed}; so are answers that will not change. A
 * row whose lease ran out (its node died mid-send) is due again: delivery is at least once, and the
 * message id stays the same so receivers can drop a repeat.
 */
@Component
public class Dispatcher {

  static final String DIGEST = "digest";
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
  };

  private final NotificationMapper mapper;
  private final ChannelMapper channelRows;
  private final Channels channels;
  private final Templates templates;
  private final NotifyProperties properties;
  private final TransactionTemplate transactions;
  private final MeterRegistry meters;
  private final ObjectMapper json;
  private final OnCall onCall;
  private final Clock clock;
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

  Dispatcher(NotificationMapper mapper, ChannelMapper channelRows, Channels channels, Templates templates,
      NotifyProperties properties, TransactionTemplate transactions, MeterRegistry meters, ObjectMapper json,
      OnCall onCall, Clock clock) {
    this.onCall = onCall;
    this.mapper = mapper;
    this.channelRows = channelRows;
    this.channels = channels;
    this.templates = templates;
    this.properties = properties;
    this.transactions = transactions;
    this.meters = meters;
    this.json = json;
    this.clock = clock;
    // at zero from the start: Prometheus's increase() misses the first failure of a series that appears with it
    for (ChannelKind kind : ChannelKind.values()) {
      for (String outcome : List.of("delivered", "retry", "failed", "merged")) {
        count(kind.code(), outcome, 0);
      }
    }
  }

  /** One run: everything due now. Returns how many messages it sent (delivered or not). */
  public int runOnce() {
    Instant now = now();
    transactions.executeWithoutResult(status -> mapper.releaseExpiredLeases(now));
    int sent = 0;
    for (long channelId : mapper.dueChannels(now)) {
      List<NotificationMapper.Row> claimed = transactions.execute(status -> claim(channelId, now));
      for (NotificationMapper.Row row : claimed) {
        send(row);
        sent++;
      }
    }
    return sent;
  }

  private List<NotificationMapper.Row> claim(long channelId, Instant now) {
    ChannelMapper.Row channel = channelRows.lock(channelId);
    List<NotificationMapper.Row> due = mapper.due(channelId, now, properties.batch());
    Integer limit = channel == null ? null : Channels.kind(channel.kind()).map(properties::limitOf).orElse(null);
    long recent = limit == null ? 0 : mapper.attemptsSince(channelId, now.minus(Duration.ofMinutes(1)));
    Plan plan = plan(due, limit, recent);
    Instant until = now.plus(properties.lease());
    List<NotificationMapper.Row> claimed = new ArrayList<>();
    plan.send().forEach(row -> claimOne(row, until, now).ifPresent(claimed::add));
    List<NotificationMapper.Row> toMerge = new ArrayList<>();
    plan.merge().forEach(row -> claimOne(row, until, now).ifPresent(toMerge::add));
    if (toMerge.size() == 1) {
      claimed.add(toMerge.get(0));
    } else if (!toMerge.isEmpty()) {
      claimed.add(digest(channel, toMerge, until, now));
    }
    return claimed;
  }

  /** What one run sends of a channel's due rows: one by one, or merged into one digest. */
  record Plan(List<NotificationMapper.Row> send, List<NotificationMapper.Row> merge) {
  }

  /**
   * Within the limit everything goes one by one. Beyond it, all but one free slot go one by one and
   * the rest is merged into a digest that takes the last slot; digests waiting for a retry are never
   * merged again (they wait for a free slot). With no slot free this minute, everything waits.
   *
   * @param limit messages a minute, or null for none
   * @param recent messages the channel sent in the last minute
   */
  static Plan plan(List<NotificationMapper.Row> due, Integer limit, long recent) {
    long room = limit == null ? Long.MAX_VALUE : Math.max(0, limit - recent);
    if (due.size() <= room) {
      return new Plan(due, List.of());
    }
    List<NotificationMapper.Row> send = new ArrayList<>();
    List<NotificationMapper.Row> merge = new ArrayList<>();
    if (room > 0) {
      for (NotificationMapper.Row row : due) {
        if (send.size() < room - 1) {
          send.add(row);
        } else if (!DIGEST.equals(row.event())) {
          merge.add(row);
        }
      }
    }
    return new Plan(send, merge);
  }

  private Optional<NotificationMapper.Row> claimOne(NotificationMapper.Row row, Instant until, Instant now) {
    return mapper.claim(row.notificationId(), node, until, now) == 1 ? Optional.of(mapper.find(row.notificationId()))
        : Optional.empty();
  }

  private NotificationMapper.Row digest(ChannelMapper.Row channel, List<NotificationMapper.Row> rows, Instant until,
      Instant now) {
    Templates.Rendered text = templates.digest(channel.language(), rows.stream()
        .map(row -> new Templates.Rendered(row.title(), null, null, row.link())).toList());
    Inserted<NotificationMapper.NewMessage> digest = new Inserted<>(new NotificationMapper.NewMessage(
        DIGEST + ":" + rows.get(0).notificationId(), DIGEST, DIGEST, channel.channelId(), Outbox.CHANNEL,
        channel.language(), Texts.clip(text.title(), 500), Texts.clip(text.markdown(), Texts.TEXT_COLUMN_MAX),
        Texts.clip(text.text(), Texts.TEXT_COLUMN_MAX), null, null, null, now));
    mapper.insertSending(digest, node, until);
    rows.forEach(row -> mapper.merge(row.notificationId(), node, digest.getId()));
    count(channel.kind(), "merged", rows.size());
    return mapper.find(digest.getId());
  }

  private void send(NotificationMapper.Row row) {
    Delivery delivery;
    String kind = "unknown";
    try {
      Optional<Channels.Opened> channel = channels.open(row.channelId());
      if (channel.isEmpty()) {
        delivery = Delivery.failed(0, "channel " + row.channelId() + " was deleted", false);
      } else {
        kind = channel.get().kind().code();
        delivery = ChannelClients.attempt(channel.get().client(), channel.get().target(), message(row));
      }
    } catch (Refusal noKey) {
      delivery = Delivery.failed(0, noKey.getMessage(), true);
    } catch (RuntimeException e) {
      // the key changed (the target no longer opens) or no client for the kind is installed
      delivery = Delivery.failed(0, e.getMessage(), false);
    }
    record(row, kind, delivery);
  }

  private void record(NotificationMapper.Row row, String kind, Delivery delivery) {
    Instant now = now();
    String answer = delivery.answer() == null ? null : Texts.clip(delivery.answer(), 2000);
    String outcome;
    if (delivery.delivered()) {
      mapper.delivered(row.notificationId(), node, delivery.status(), answer, now);
      outcome = "delivered";
    } else if (delivery.retryable() && row.attempts() < properties.maxAttempts()) {
      mapper.retry(row.notificationId(), node, delivery.status(), answer,
          now.plus(properties.backoffAfter(row.attempts())));
      outcome = "retry";
    } else {
      mapper.failed(row.notificationId(), node, delivery.status(), answer);
      outcome = "failed";
      log.warn("Notification {} ({} to channel {}) failed after {} attempt(s): {} {}", row.notificationId(),
          row.event(), row.channelId(), row.attempts(), delivery.status(), answer);
    }
    count(kind, outcome, 1);
  }

  private Message message(NotificationMapper.Row row) {
    List<Recipient> mentions = row.mentions() == null ? List.of() : Arrays.stream(row.mentions().split(","))
        .filter(user -> !user.isBlank()).map(this::recipient).toList();
    return new Message("opsflow-notification-" + row.notificationId(), row.event(), row.reference(), row.title(),
        row.markdown(), row.bodyText(), row.link(), mentions, facts(row), row.language());
  }

  /**
   * The person as the channels can reach them, read when the message goes out (not when it was
   * queued), so a contact fixed after a failed delivery is used on the retry. A user deleted since is
   * named by id: the message still goes to the channel.
   */
  private Recipient recipient(String userId) {
    try {
      Contact contact = onCall.contact(userId);
      return new Recipient(userId, contact.displayName(), contact.email(), contact.mobile(), contact.dingtalkUserId(),
          contact.wecomUserId(), contact.feishuUserId());
    } catch (Refusal.NotFound gone) {
      return new Recipient(userId, userId, null, null, null, null, null);
    }
  }

  private Map<String, Object> facts(NotificationMapper.Row row) {
    if (row.facts() == null) {
      return Map.of();
    }
    try {
      Map<String, Object> facts = json.readValue(row.facts(), FACTS);
      facts.values().removeIf(value -> value == null);
      return facts;
    } catch (IOException e) {
      return Map.of();
    }
  }

  private void count(String kind, String outcome, int amount) {
    meters.counter("opsflow.notifications", "kind", kind, "outcome", outcome).increment(amount);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
