package io.opsflow.feedback;

import java.time.Instant;

/** A recorded piece of feedback; {@code text} is masked, and the user reference is not given out. */
public record FeedbackItem(long id, String service, String version, Channel channel, String externalId, String text,
    Integer rating, Instant occurredAt, Instant receivedAt, Language language, Sentiment sentiment, double score) {
}
