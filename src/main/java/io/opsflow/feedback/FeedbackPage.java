package io.opsflow.feedback;

import java.util.List;

/** One page of feedback, newest first. {@code page} counts from 0. */
public record FeedbackPage(List<FeedbackItem> items, int page, int size, long total) {
}
