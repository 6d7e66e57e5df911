package io.opsflow.change;

/**
 * Published by change-release's "Request retrospective" step, inside the process transaction: the
 * change is closed and its post-launch retrospective is due. The retrospective module starts one,
 * which waits for the service's observation window (repeats are ignored); if it cannot, the step
 * fails with it.
 */
public record ChangeRetrospectiveRequested(String changeKey) {
}
