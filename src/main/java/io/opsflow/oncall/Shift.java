package io.opsflow.oncall;

import java.time.Instant;

/**
 * Someone on call from {@code from} (inclusive) to {@code to} (exclusive): a rotation shift, the part of
 * one that no override covers, or an override.
 */
public record Shift(String userId, Instant from, Instant to) {

  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
