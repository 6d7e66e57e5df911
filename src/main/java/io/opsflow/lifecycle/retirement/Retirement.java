package io.opsflow.lifecycle.retirement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A retirement's record: the request, what each step recorded, and the negative feedback spikes
 * (incidents from feedback on the service) during its notice period.
 */
public record Retirement(String key, String service, LocalDate shutdownDate, int noticeDays, RetirementState state,
    String requestedBy, Instant requestedAt, Notice notice, String dataLocation, String dataExportedBy,
    String migrationVerifiedBy, String rightsConfirmedBy, String shutdownChange, Instant endedAt,
    List<FeedbackIncident> feedbackIncidents) {

  /** The notice to users as ops published it; null before. */
  public record Notice(String text, String publishedBy, Instant publishedAt) {
  }

  /** A negative feedback spike's incident on the service while the retirement ran. */
  public record FeedbackIncident(String key, String title, String priority, Instant openedAt) {
  }
}
