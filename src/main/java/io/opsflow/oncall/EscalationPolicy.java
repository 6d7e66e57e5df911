package io.opsflow.oncall;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who is paged after how many minutes without acknowledgement, for one service or as a group's
 * default.
 *
 * @param scope {@code service:<key>} or {@code group:<id>}
 */
public record EscalationPolicy(String scope, List<Level> levels, String updatedBy, Instant updatedAt) {

  public static final String SERVICE = "service:";
  public static final String GROUP = "group:";

  /**
   * @param afterMinutes minutes after the incident opened without acknowledgement
   * @param pages ({@code notify} in JSON) {@code on-call} (the person on call in the group's schedules), {@code next-on-call} (the
   *     next person in those rotations), {@code schedule:<id>} (the person on call there),
   *     {@code group:<id>}, {@code user:<id>}
   */
  public record Level(int afterMinutes, @JsonProperty("notify") String pages) {
  }

  public static String serviceScope(String serviceKey) {
    return SERVICE + serviceKey;
  }

  public static String groupScope(String groupId) {
    return GROUP + groupId;
  }
}
