package io.opsflow.notify.outbox;

import java.time.Instant;

/**
 * A channel as the API shows it: never the secret, and the target with its tokens masked.
 *
 * @param target the target with query values and token-like path segments as {@code ***}
 */
public record ChannelView(long id, String name, String kind, String target, boolean hasSecret, String language,
    Instant createdAt, Instant updatedAt) {
}
