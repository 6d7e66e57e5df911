package io.opsflow.incident;

import java.util.Map;

/** The outcome of the {@code incident-priority} decision. */
public record PriorityDecision(String priority, int ackSlaMinutes, int resolveSlaMinutes) {

  public static PriorityDecision of(Map<String, Object> result) {
    return new PriorityDecision((String) result.get("priority"),
        ((Number) result.get("ackSlaMinutes")).intValue(), ((Number) result.get("resolveSlaMinutes")).intValue());
  }
}
