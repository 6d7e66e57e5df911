package io.opsflow.notify.channels;

/**
 * A client of one vendor's protocol. It never throws for what the vendor answers (a refusal is a
 * {@link Delivery} that was not delivered); it is called outside any database transaction, by the
 * outbox's delivery, which retries what is retryable.
 */
public interface ChannelClient {

  ChannelKind kind();

  /** Refuses a target this kind cannot use (bad URL, missing secret, bad addresses), with a message for people. */
  void check(ChannelTarget target) throws IllegalArgumentException;

  Delivery send(ChannelTarget target, Message message);
}
