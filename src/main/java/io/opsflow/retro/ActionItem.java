package io.opsflow.retro;

import java.time.Instant;
import java.time.LocalDate;

/** An improvement a retrospective decided on, owned by a group, tracked until QA verified it. */
public record ActionItem(
    String itemKey,
    String retroKey,
    String title,
    String ownerGroup,
    LocalDate dueDate,
    ActionItemState state,
    boolean escalated,
    String implementationNote,
    String implementedBy,
    Instant implementedAt,
    String verificationNote,
    String verifiedBy,
    Instant verifiedAt,
    Instant createdAt) {
}
