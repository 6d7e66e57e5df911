package io.opsflow.notify.outbox;

import java.time.Instant;

/**
 * One message of the outbox as the audit trail shows it: what went to whom, when, and what the
 * vendor answered.
 *
 * @param channel the channel's name and kind; null when the channel was deleted since
 * @param recipient empty for the channel itself, else the user id it was addressed to
 * @param state {@code pending}, {@code sending}, {@code delivered}, {@code failed}, or {@code merged}
 *     (then {@code mergedInto} names the digest message that carried it)
 */
public record NotificationView(long id, String noticeId, String event, String reference, Channel channel,
    String recipient, String title, String link, String state, int attempts, Instant createdAt,
    Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Integer status, String answer,
    Long mergedInto) {

  public record Channel(long id, String name, String kind) {
  }
}
