package io.opsflow.change;

import java.time.Instant;

/** A version that reached production: a change whose deployment succeeded, and when. */
public record Release(String changeKey, String serviceKey, String version, Instant deployedAt) {
}
