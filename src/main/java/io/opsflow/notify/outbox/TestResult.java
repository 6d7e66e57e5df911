package io.opsflow.notify.outbox;

/** What the vendor answered to a channel's test message. */
public record TestResult(boolean delivered, int status, String answer) {
}
