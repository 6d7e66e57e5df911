package io.opsflow.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What CI or a person submits to request a change (a change type it did not know is null, and a problem).
 *
 * @param committedAt when the change's commit was made, as CI knows it (for the change lead time); may be null
 * @param fixesIncident the incident an emergency change is made for (for the deployment rework rate); may be null
 */
public record ChangeSubmission(
    String service,
    String version,
    String title,
    ChangeType changeType,
    boolean testsFailed,
    boolean hasDbMigration,
    Instant plannedStart,
    String commitSha,
    String pipelineUrl,
    String requestedBy,
    String requestedVia,
    String idempotencyKey,
    String requestHash,
    Instant committedAt,
    String fixesIncident) {

  /** A change that names neither its commit time nor an incident it fixes (Tasklist's start form). */
  public ChangeSubmission(String service, String version, String title, ChangeType changeType, boolean testsFailed,
      boolean hasDbMigration, Instant plannedStart, String commitSha, String pipelineUrl, String requestedBy,
      String requestedVia, String idempotencyKey, String requestHash) {
    this(service, version, title, changeType, testsFailed, hasDbMigration, plannedStart, commitSha, pipelineUrl,
        requestedBy, requestedVia, idempotencyKey, requestHash, null, null);
  }

  /** Problems a requester can fix, without looking anything up; empty when the shape is right. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (blank(service)) {
      problems.add("service must name a catalog service");
    }
    if (blank(version) || version.length() > 100) {
      problems.add("version must be 1-100 characters");
    }
    if (blank(title) || title.length() > 300) {
      problems.add("title must be 1-300 characters");
    }
    if (changeType == null) {
      problems.add("changeType must be standard, normal or emergency");
    }
    if (commitSha != null && commitSha.length() > 64) {
      problems.add("commitSha must be at most 64 characters");
    }
    if (pipelineUrl != null && pipelineUrl.length() > 2000) {
      problems.add("pipelineUrl must be at most 2000 characters");
    }
    if (fixesIncident != null && (fixesIncident.isBlank() || fixesIncident.length() > 32)) {
      problems.add("fixesIncident must be an incident key of at most 32 characters");
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
