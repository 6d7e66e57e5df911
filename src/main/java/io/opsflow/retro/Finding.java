package io.opsflow.retro;

import java.time.Instant;

/** What one group (ops, dev, QA) found, or that it had nothing to add. */
public record Finding(String retroKey, String findingGroup, String finding, boolean nothingToAdd, String addedBy,
    Instant addedAt) {
}
