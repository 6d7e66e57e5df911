package io.opsflow.incident;

import java.util.Map;

import io.opsflow.kernel.domain.Codes;

/** The outcome of the {@code incident-priority} decision. */
public record PriorityDecision(Priority priority, int ackSlaMinutes, int resolveSlaMinutes) {

  /** A priority the decision table does not know is a defect of the table: it fails the step. */
  public static PriorityDecision of(Map<String, Object> result) {
    Object code = result.get("priority");
    Priority priority = Codes.find(Priority.class, code instanceof String text ? text : null)
        .orElseThrow(() -> new IllegalStateException("The incident-priority decision gave priority '" + code
            + "', which is not one of " + Codes.list(Priority.class)));
    return new PriorityDecision(priority, ((Number) result.get("ackSlaMinutes")).intValue(),
        ((Number) result.get("resolveSlaMinutes")).intValue());
  }
}
