package io.opsflow.change.web;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.Change;
import io.opsflow.change.ChangeDetails;
import io.opsflow.change.ChangeRisk;
import io.opsflow.change.ChangeState;
import io.opsflow.change.ChangeType;
import io.opsflow.change.ChangeSubmission;
import io.opsflow.change.Changes;
import io.opsflow.change.DeploymentStatus;
import io.opsflow.change.Gate;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.security.Authorities;
import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.opsflow.kernel.web.ReportFormat;
import io.opsflow.kernel.web.ReportPage;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The API CI pipelines use: open a change, poll its gate, report the deployment. */
@Tag(name = "Changes", description =
    "Changes requested by CI pipelines and people: risk, approvals, the deployment gate")
@RestController
@RequestMapping("/api/changes")
class ChangeController {

  private final Changes changes;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Visibility visibility;
  private final Installation installation;

  ChangeController(Changes changes, TransactionTemplate transaction, ObjectMapper json,
      Visibility visibility, Installation installation) {
    this.changes = changes;
    this.transaction = transaction;
    this.json = json;
    this.visibility = visibility;
    this.installation = installation;
  }

  /** Codes stay text here so that every problem of a body is named in one answer, with the field's own words. */
  record NewChange(
      @NotBlank @Size(max = 64) String service,
      @NotBlank @Size(max = 100) String version,
      @NotBlank @Size(max = 300) String title,
      @NotNull @Pattern(regexp = "standard|normal|emergency", message = "must be standard, normal or emergency") String changeType,
      @NotNull @Pattern(regexp = "passed|failed", message = "must be passed or failed") String tests,
      @NotNull Boolean hasDbMigration,
      OffsetDateTime plannedStart,
      @Size(max = 64) String commitSha,
      @Size(max = 2000) String pipelineUrl,
      @Size(max = 64) String requestedBy,
      @Schema(description = "when the commit was made (CI knows it): the change lead time runs from it to the "
          + "deployment; not in the future, at most 365 days ago") OffsetDateTime committedAt,
      @Schema(description = "the incident an emergency change is made for (deployment rework rate)")
      @Size(max = 32) String fixesIncident) {
  }

  /** What a pipeline needs back: the key to poll and the gate. */
  record ChangeAnswer(String changeKey, ChangeState state, ChangeRisk risk, ApprovalRoute approvalRoute, Gate gate) {

    static ChangeAnswer of(Change change) {
      return new ChangeAnswer(change.changeKey(), change.state(), change.risk(), change.approvalRoute(),
          new Gate(change.changeKey(), change.gateStatus(), change.gateReason()));
    }
  }

  record DeploymentReport(
      @NotNull @Pattern(regexp = "succeeded|failed", message = "must be succeeded or failed") String status,
      @Size(max = 2000) String url) {
  }

  @Operation(summary = "Request a change", description =
      "Answers 201 with the change key and its gate. A repeat with the same `Idempotency-Key` and body "
      + "answers 200 with the change it opened.")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "200", description = "A repeat of an earlier request with the same Idempotency-Key")
  @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for a different change")
  @PostMapping
  ResponseEntity<ChangeAnswer> request(@Valid @RequestBody NewChange body,
      @Parameter(description = "makes a re-run of a pipeline reuse its change (1-200 characters)")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication caller) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw Refusal.invalid("Idempotency-Key must be 1-200 characters.");
    }
    String requestedBy = requester(body, caller);
    ChangeSubmission submission = new ChangeSubmission(body.service(), body.version(), body.title(),
        Codes.of(ChangeType.class, body.changeType(), "changeType"),
        "failed".equals(body.tests()), body.hasDbMigration(),
        body.plannedStart() == null ? null : body.plannedStart().toInstant(), body.commitSha(), body.pipelineUrl(),
        requestedBy, caller.getName(), idempotencyKey, hash(body),
        body.committedAt() == null ? null : body.committedAt().toInstant(), body.fixesIncident());
    List<String> problems = changes.problems(submission);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid change: " + String.join("; ", problems) + ".");
    }
    if (idempotencyKey != null) {
      var earlier = changes.findByIdempotencyKey(caller.getName(), idempotencyKey);
      if (earlier.isPresent()) {
        return repeat(earlier.get(), submission);
      }
    }
    try {
      Change created = transaction.execute(status -> changes.request(submission));
      return ResponseEntity.created(URI.create("/api/changes/" + created.changeKey())).body(ChangeAnswer.of(created));
    } catch (DuplicateKeyException sameKeyAtTheSameMoment) {
      return repeat(changes.findByIdempotencyKey(caller.getName(), idempotencyKey).orElseThrow(), submission);
    }
  }

  private ResponseEntity<ChangeAnswer> repeat(Change earlier, ChangeSubmission submission) {
    if (!earlier.requestHash().equals(submission.requestHash())) {
      throw Refusal.conflict("Idempotency-Key '" + submission.idempotencyKey() + "' was used for a different change ("
          + earlier.changeKey() + "); use a new key for a new change.");
    }
    return ResponseEntity.ok(ChangeAnswer.of(changes.get(earlier.changeKey())));
  }

  /** A person requests for themselves; a pipeline names the person who triggered it. */
  private static String requester(NewChange body, Authentication caller) {
    if (Authorities.isPerson(caller)) {
      if (body.requestedBy() != null && !body.requestedBy().equals(caller.getName())) {
        throw Refusal.invalid("requestedBy must be you (" + caller.getName()
            + ") or left out; only pipelines request changes on someone's behalf.");
      }
      return caller.getName();
    }
    return body.requestedBy() == null || body.requestedBy().isBlank() ? caller.getName() : body.requestedBy();
  }

  @Operation(summary = "Read one change with its approvals and events")
  @GetMapping("/{key}")
  ChangeDetails get(@PathVariable String key, Authentication caller) {
    return changes.details(key, visibility.seesRestricted(caller))
        .orElseThrow(() -> Refusal.notFound("No change '" + key + "'."));
  }

  @Operation(summary = "Read a change's summary: facts, approvals, gate, deployment and timeline", description = """
      Markdown unless the client asks for HTML by name (`text/html` ranked above every other type it takes, as \
      browsers do: a styled, printable page in English or Chinese, after the `opsflow-language` cookie, \
      `Accept-Language`, else `opsflow.language`) or for `application/json` (what `GET /api/changes/{key}` answers).""")
  @ApiResponse(responseCode = "200", description = "The summary", content = {
      @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ChangeDetails.class))})
  @GetMapping("/{key}/report")
  ResponseEntity<?> report(@PathVariable String key, HttpServletRequest request, Authentication caller)
      throws HttpMediaTypeNotAcceptableException {
    ChangeDetails details = get(key, caller);
    return ReportPage.answer(request, installation, ReportFormat.MARKDOWN,
        reader -> ChangeSummary.title(details, reader),
        reader -> ChangeSummary.markdown(details, reader), () -> details);
  }

  @Operation(summary = "Poll the deployment gate of a change", description =
      "`status` is pending until the change is approved (deploy) or rejected or cancelled (do not "
      + "deploy).")
  @GetMapping("/{key}/gate")
  Gate gate(@PathVariable String key) {
    return changes.gate(key);
  }

  @Operation(summary = "List changes, newest first")
  @GetMapping
  List<Change> list(
      @Parameter(schema = @Schema(allowableValues = {"open", "closed"})) @RequestParam(required = false) String state,
      @Parameter(description = "a service key") @RequestParam(required = false) String service,
      @Parameter(schema = @Schema(minimum = "1", maximum = "1000"))
      @RequestParam(defaultValue = "100") int limit, Authentication caller) {
    ListFilter.check(state, service, limit);
    return changes.list(state, service, limit, visibility.seesRestricted(caller));
  }

  /** CI reports the deployment; refused with 409 while the gate is not approved. A repeat changes nothing. */
  @Operation(summary = "Report the deployment result of a change", description =
      "Refused while the gate is not approved; a repeat of the same result changes nothing.")
  @ApiResponse(responseCode = "200", description = "The change with its gate")
  @ApiResponse(responseCode = "409", description = "The gate is not approved, or another result was reported")
  @PostMapping("/{key}/deployment")
  ChangeAnswer reportDeployment(@PathVariable String key, @Valid @RequestBody DeploymentReport report, Principal caller) {
    transaction.executeWithoutResult(transactionStatus -> changes.reportDeployment(key,
        Codes.of(DeploymentStatus.class, report.status(), "status"), report.url(), caller.getName()));
    return ChangeAnswer.of(changes.get(key));
  }

  private String hash(NewChange body) {
    try {
      byte[] canonical = json.writeValueAsBytes(body);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
