package io.opsflow.audit.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.audit.trail.AuditEntry;
import io.opsflow.audit.trail.AuditQuery;
import io.opsflow.audit.trail.AuditTrail;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who did what, newest first (managers and administrators, see AuditConfiguration). */
@Tag(name = "Audit trail", description = "Who did what: OpsFlow's records and Camunda's user operation log")
@RestController
@RequestMapping("/api/audit")
class AuditController {

  /** What the database and Camunda's log can hold. */
  private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  private final AuditTrail trail;
  private final Visibility visibility;

  AuditController(AuditTrail trail, Visibility visibility) {
    this.trail = trail;
    this.visibility = visibility;
  }

  @Operation(summary = "List audit entries, newest first")
  @GetMapping
  List<AuditEntry> entries(
      @Parameter(description = "inclusive; ISO-8601 with offset", schema = @Schema(format = "date-time"))
      @RequestParam(required = false) String from,
      @Parameter(description = "exclusive; ISO-8601 with offset", schema = @Schema(format = "date-time"))
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String actor,
      @Parameter(description = "a business key, service key, account or token id, user or group")
      @RequestParam(required = false) String subject,
      @Parameter(schema = @Schema(minimum = "1", maximum = "" + AuditQuery.MAX_LIMIT))
      @RequestParam(defaultValue = "" + AuditQuery.DEFAULT_LIMIT) int limit, Authentication caller) {
    Instant start = moment("from", from);
    Instant end = moment("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw Refusal.invalid("from must be before to.");
    }
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      throw Refusal.invalid("limit must be between 1 and " + AuditQuery.MAX_LIMIT + ".");
    }
    return trail.entries(new AuditQuery(start, end, blankToNull(actor), blankToNull(subject), limit),
        visibility.seesRestricted(caller));
  }

  private static Instant moment(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Instant moment = OffsetDateTime.parse(value).toInstant();
      if (moment.isBefore(EARLIEST) || moment.isAfter(LATEST)) {
        throw Refusal.invalid(name + " must lie between 1970-01-02 and 9999-12-31.");
      }
      return moment;
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(name + " must be an ISO-8601 date and time with offset, e.g. "
          + "2026-03-01T00:00:00Z, not '" + value + "'.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
