package io.opsflow.feedback;

/**
 * What became of one item of a batch, in the batch's order.
 *
 * @param repeat true when the channel and external id were recorded before: nothing new was written, and
 *     the other fields are those of the item recorded then
 */
public record Recorded(long id, String externalId, Language language, Sentiment sentiment, double score,
    boolean repeat) {
}
