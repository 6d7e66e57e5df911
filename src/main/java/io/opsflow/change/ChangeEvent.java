package io.opsflow.change;

import java.time.Instant;

/** One entry of a change's timeline. */
public record ChangeEvent(long entryId, String changeKey, Instant occurredAt, String kind, String actor, String message) {
}
