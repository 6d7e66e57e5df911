package io.opsflow.lifecycle.launch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.opsflow.lifecycle.UsageFacts;

/**
 * What a manager asks for: launch {@code service} at {@code version} on {@code plannedDate}, watched for
 * {@code hypercareDays} days.
 *
 * @param plannedDate {@code yyyy-MM-dd}
 * @param hypercareDays null: {@value #DEFAULT_HYPERCARE_DAYS}
 * @param feedbackNotApplicable the service has no users who give feedback (an internal API)
 */
public record LaunchRequest(String service, String plannedDate, String version, Integer hypercareDays,
    Boolean feedbackNotApplicable) {

  public static final int DEFAULT_HYPERCARE_DAYS = 14;
  public static final int MAX_HYPERCARE_DAYS = 90;

  public int hypercare() {
    return hypercareDays == null ? DEFAULT_HYPERCARE_DAYS : hypercareDays;
  }

  public LocalDate day() {
    return UsageFacts.parseDayOrNull(plannedDate);
  }

  /** Problems the requester can fix without anything being looked up. */
  public List<String> problems(LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (service == null || service.isBlank()) {
      problems.add("service must name a catalog service");
    }
    LocalDate day = day();
    if (day == null) {
      problems.add("plannedDate must be a date (yyyy-MM-dd)");
    } else if (day.isBefore(today) || day.isAfter(today.plusYears(2))) {
      problems.add("plannedDate must lie between today (" + today + ") and two years ahead");
    }
    if (version == null || version.isBlank() || version.strip().length() > 100) {
      problems.add("version must be 1-100 characters");
    } else if (version.chars().anyMatch(Character::isISOControl)) {
      problems.add("version must not contain control characters");
    }
    if (hypercareDays != null && (hypercareDays < 1 || hypercareDays > MAX_HYPERCARE_DAYS)) {
      problems.add("hypercareDays must be 1-" + MAX_HYPERCARE_DAYS + " (default " + DEFAULT_HYPERCARE_DAYS + ")");
    }
    return problems;
  }
}
