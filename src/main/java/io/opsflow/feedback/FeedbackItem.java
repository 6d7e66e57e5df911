package io.opsflow.feedback;

import java.time.Instant;

/**
 * A recorded piece of feedback; {@code text} is masked, and the user reference is not given out.
 *
 * @param triage the feedback triage that took the item (a negative or a suggestion), or null
 * @param reply what its users were answered in that triage, or null
 */
public record FeedbackItem(long id, String service, String version, Channel channel, String externalId, String text,
    Integer rating, Instant occurredAt, Instant receivedAt, Language language, Sentiment sentiment, double score,
    String triage, String reply) {
}
