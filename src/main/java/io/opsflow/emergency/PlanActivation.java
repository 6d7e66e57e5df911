package io.opsflow.emergency;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One run of an emergency plan, real or drill (its process instance, found by the activation key, stays inside). */
public record PlanActivation(
    String activationKey,
    String planKey,
    @JsonIgnore String processInstanceId,
    String incidentKey,
    String serviceKey,
    boolean drill,
    String startedBy,
    Instant startedAt,
    String commander,
    Instant endedAt,
    String outcome,
    String summary) {

  /** Outcomes of an ended activation. */
  public static final String RESTORED = "restored";
  public static final String MITIGATED = "mitigated";
  public static final String ABORTED = "aborted";
}
