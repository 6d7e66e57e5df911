package io.opsflow.lifecycle.launch;

import java.time.Instant;

/** A daily launch report of the hypercare period: day 1 is the first day after the launch change. */
public record LaunchReport(int day, String text, Instant createdAt) {
}
