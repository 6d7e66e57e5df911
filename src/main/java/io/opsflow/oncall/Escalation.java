package io.opsflow.oncall;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The escalation of one incident as it stands: each level with its delay and whom it pages, resolved
 * at one moment (who is on call changes with the schedule).
 *
 * @param group the on-call group it escalates in (the service's on-call group when none was given)
 * @param policy where the levels come from: {@code service:<key>}, {@code group:<id>} or {@code built-in}
 */
public record Escalation(String serviceKey, String group, String policy, List<Step> levels) {

  public static final String BUILT_IN = "built-in";

  /**
   * @param level 1 first
   * @param afterMinutes minutes without acknowledgement before this level is paged
   * @param pages ({@code notify} in JSON) the rule as the policy states it ({@code on-call}, {@code schedule:<id>}, ...)
   * @param userIds the people it pages now; empty when no schedule names anyone, then the group is paged
   * @param group the group it pages: the on-call group when nobody is scheduled, or the one named by
   *     {@code group:<id>}; null when it pages people only
   */
  public record Step(int level, int afterMinutes, @JsonProperty("notify") String pages, List<String> userIds, String group) {
  }
}
