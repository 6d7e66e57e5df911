package io.opsflow.retro.persistence;

import java.time.Instant;
import java.time.LocalDate;

import io.opsflow.retro.ActionItemState;

/** What a review writes for each action item it decided on; notes and who did what come as the item moves. */
public record ActionItemInsert(String itemKey, String retroKey, String title, String ownerGroup, LocalDate dueDate,
    ActionItemState state, Instant createdAt) {
}
