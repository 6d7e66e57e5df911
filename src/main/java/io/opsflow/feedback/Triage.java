package io.opsflow.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One group of feedback for one decision: the new negative and suggestion items of a service about
 * one topic, taken by a daily run of feedback-triage.
 *
 * @param key {@code TRIAGE-2026-0042}, the business key of its process instance
 * @param topic the items' most telling complaint term, or {@code other} for items without one
 * @param firstAt when the earliest of its items occurred
 * @param lastAt when the latest of its items occurred
 * @param dueAt when the dev group's decision is due; after it the managers decide
 * @param escalatedAt when it went to the managers, or null
 * @param backlogLink for {@code accepted}: the backlog item (URL or ticket id)
 * @param reply for {@code answered}: what the users were told (also on each item)
 * @param dismissReason for {@code dismissed}: why nothing is done
 * @param items its items, negatives first, newest first (at most 100); only when one triage is asked for
 */
public record Triage(String key, String service, String topic, int itemCount, Instant firstAt, Instant lastAt,
    TriageState state, Instant dueAt, Instant escalatedAt, String backlogLink, String reply, String dismissReason,
    String decidedBy, Instant decidedAt, Instant createdAt, List<FeedbackItem> items) {
}
