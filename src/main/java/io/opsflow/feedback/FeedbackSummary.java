package io.opsflow.feedback;

import java.util.List;
import java.util.Map;

/**
 * What users of a service said over a period, as a retrospective lists it: how many, how they felt,
 * what they complained about, and a few items of every channel (各类用户的建议和意见).
 *
 * @param shares items per sentiment / all items, each 0 … 1 (all 0 without items)
 * @param samples per channel that has items: at most a few, negatives first, then suggestions, then the rest, newest first within each
 */
public record FeedbackSummary(long volume, Double averageScore, Map<Sentiment, Double> shares, Double averageRating,
    List<Insights.TermCount> topComplaints, Map<Channel, List<FeedbackItem>> samples) {
}
