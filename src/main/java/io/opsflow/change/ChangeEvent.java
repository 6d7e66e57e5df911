package io.opsflow.change;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One entry of a change's timeline (its row id orders it and stays inside OpsFlow). */
public record ChangeEvent(@JsonIgnore long entryId, String changeKey, Instant occurredAt, String kind, String actor,
    String message) {
}
