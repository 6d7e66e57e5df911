package io.opsflow.change;

/** What a pipeline polls: may it deploy? */
public record Gate(String changeKey, GateStatus status, String reason) {
}
