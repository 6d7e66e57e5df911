package io.opsflow.change.steps;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.opsflow.security.Groups;

/**
 * Who approves on each route the {@code change-risk} decision picks. Used by the process as
 * {@code ${approvalRoutes.approvers(approvalRoute)}}, the collection of the parallel approval task.
 */
@Component("approvalRoutes")
public class ApprovalRoutes {

  private static final Map<String, List<String>> APPROVERS = Map.of(
      "auto", List.of(),
      "peer", List.of(Groups.OPS, Groups.DEV, Groups.QA),
      "cab", List.of(Groups.OPS, Groups.DEV, Groups.QA, Groups.MANAGER),
      "expedited", List.of(Groups.MANAGER));

  public List<String> approvers(String route) {
    List<String> approvers = APPROVERS.get(route);
    if (approvers == null) {
      throw new IllegalArgumentException("Unknown approval route '" + route + "'");
    }
    return approvers;
  }

  /** Routes whose changes QA confirms in production after the verification window. */
  static boolean needsQaConfirmation(String route) {
    return "peer".equals(route) || "cab".equals(route);
  }

  /** Routes that always end with a post-launch retrospective. */
  static boolean retrospectiveRequired(String route) {
    return "cab".equals(route) || "expedited".equals(route);
  }
}
