package io.opsflow.notify.outbox;

import java.time.Instant;
import java.util.List;

public record RuleView(long id, String event, String service, String group, String minPriority, List<Long> channels,
    Instant createdAt, Instant updatedAt) {
}
