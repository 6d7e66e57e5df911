package io.opsflow.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What someone (a person, a monitoring system, an alert) says when an incident is opened.
 *
 * @param service catalog key, or whatever the reporter called it; may be blank
 * @param source where the report came from: one of the {@code SOURCE_} constants
 * @param category optional; {@code security} makes the incident restricted from the start
 */
public record IncidentReport(String service, String title, String description, String impact, String urgency,
    String source, String reportedBy, String category) {

  public static final String SOURCE_ALERTMANAGER = "alertmanager";
  public static final String SOURCE_API = "api";
  public static final String SOURCE_TASKLIST = "tasklist";
  /** A failed deployment of a change (change-release opens the incident). */
  public static final String SOURCE_CHANGE = "change";

  public static final Set<String> LEVELS = Set.of("high", "medium", "low");
  /** What kind of incident it is; also an input of the emergency-plan-selection decision. */
  public static final Set<String> CATEGORIES = Set.of("outage", "database", "security", "performance", "other");
  public static final String CATEGORY_RULE = "category must be outage, database, security, performance or other";

  /** A report that does not say what kind of incident it is: triage decides. */
  public IncidentReport(String service, String title, String description, String impact, String urgency,
      String source, String reportedBy) {
    this(service, title, description, impact, urgency, source, reportedBy, null);
  }

  /** Everything wrong with the report, in words a reporter can act on; empty when it is fine. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (title == null || title.isBlank()) {
      problems.add("title must not be blank");
    } else if (title.length() > 300) {
      problems.add("title must be at most 300 characters");
    }
    if (description != null && description.length() > 10_000) {
      problems.add("description must be at most 10000 characters");
    }
    if (service != null && service.length() > 200) {
      problems.add("service must be at most 200 characters");
    }
    if (impact == null || !LEVELS.contains(impact)) {
      problems.add("impact must be high, medium or low");
    }
    if (urgency == null || !LEVELS.contains(urgency)) {
      problems.add("urgency must be high, medium or low");
    }
    if (category != null && !CATEGORIES.contains(category)) {
      problems.add(CATEGORY_RULE);
    }
    return problems;
  }
}
