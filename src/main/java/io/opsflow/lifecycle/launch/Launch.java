package io.opsflow.lifecycle.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A launch (首发) of a planned service.
 *
 * @param readiness the named check results, one a line ({@code ✔ name: detail} or {@code ✘ name: detail})
 * @param decisionReasons why the manager said no-go (or go), or why the launch failed
 * @param processInstanceId the engine's id, not shown to API clients (Cockpit finds the launch by its key)
 * @param changeKey the launch change ({@code CHG-2026-0042}) once opened
 */
public record Launch(String launchKey, String serviceKey, String version, LocalDate plannedDate, int hypercareDays,
    LaunchState state, String requestedBy, Instant requestedAt, @JsonIgnore String processInstanceId, String readiness,
    String decidedBy, String decisionReasons, String changeKey, Instant hypercareStartedAt, Instant endedAt) {

  /** The start of the planned day: the launch change's planned start, and when sign-offs and go / no-go are due. */
  @JsonIgnore
  public Instant plannedStart() {
    return plannedDate.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
