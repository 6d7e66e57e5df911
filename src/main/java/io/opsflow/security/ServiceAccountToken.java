package io.opsflow.security;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A stored API token of a service account; the secret itself is never stored, only its hash. */
public record ServiceAccountToken(
    String tokenId,
    String accountId,
    @JsonIgnore String tokenHash,
    String label,
    Instant createdAt,
    String createdBy,
    Instant lastUsedAt,
    Instant revokedAt,
    String revokedBy) {

  public boolean active() {
    return revokedAt == null;
  }
}
