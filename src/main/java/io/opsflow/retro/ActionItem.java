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
    String state,
    boolean escalated,
    String implementationNote,
    String implementedBy,
    Instant implementedAt,
    String verificationNote,
    String verifiedBy,
    Instant verifiedAt,
    Instant createdAt) {

  public static final String OPEN = "open";
  public static final String IMPLEMENTED = "implemented";
  public static final String REOPENED = "reopened";
  public static final String VERIFIED = "verified";
}
