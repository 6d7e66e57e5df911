package io.opsflow.incident;

import java.util.ArrayList;
import java.util.List;

import io.opsflow.kernel.domain.Codes;

/**
 * What someone (a person, a monitoring system, an alert) says when an incident is opened. Impact,
 * urgency and category are the reporter's text, as a form or a decision gave it: {@link #problems()}
 * says what is wrong with them in the reporter's words, and the typed values are read only after.
 *
 * @param service catalog key, or whatever the reporter called it; may be blank
 * @param impact a {@link Level} code
 * @param urgency a {@link Level} code
 * @param category optional, an {@link IncidentCategory} code; {@code security} makes the incident restricted from the start
 */
public record IncidentReport(String service, String title, String description, String impact, String urgency,
    IncidentSource source, String reportedBy, String category) {

  public static final String CATEGORY_RULE = "category must be outage, database, security, performance or other";

  /** A report that does not say what kind of incident it is: triage decides. */
  public IncidentReport(String service, String title, String description, String impact, String urgency,
      IncidentSource source, String reportedBy) {
    this(service, title, description, impact, urgency, source, reportedBy, null);
  }

  /** The impact; only for a report without {@link #problems()}. */
  public Level impactLevel() {
    return Codes.of(Level.class, impact, "impact");
  }

  /** The urgency; only for a report without {@link #problems()}. */
  public Level urgencyLevel() {
    return Codes.of(Level.class, urgency, "urgency");
  }

  /** The category, null when the report names none; only for a report without {@link #problems()}. */
  public IncidentCategory categoryOrNull() {
    return category == null ? null : Codes.of(IncidentCategory.class, category, "category");
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
    if (Codes.find(Level.class, impact).isEmpty()) {
      problems.add("impact must be high, medium or low");
    }
    if (Codes.find(Level.class, urgency).isEmpty()) {
      problems.add("urgency must be high, medium or low");
    }
    if (category != null && Codes.find(IncidentCategory.class, category).isEmpty()) {
      problems.add(CATEGORY_RULE);
    }
    return problems;
  }
}
