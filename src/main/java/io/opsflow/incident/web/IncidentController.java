package io.opsflow.incident.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentDetails;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.IncidentState;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.intake.AlertIntake;
import io.opsflow.incident.intake.AlertmanagerTranslator;
import io.opsflow.incident.intake.IntakeResult;
import io.opsflow.incident.intake.Observation;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Texts;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.kernel.web.ReportFormat;
import io.opsflow.kernel.web.ReportPage;
import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Tag(name = "Incidents", description = "Incidents from alerts and reports, their priority, SLAs and timeline")
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

  private static final String LEVEL = "high|medium|low";
  private static final String LEVEL_RULE = "must be high, medium or low";

  private final Incidents incidents;
  private final AlertIntake intake;
  private final TransactionTemplate transaction;
  private final Visibility visibility;
  private final Clock clock;
  private final Installation installation;

  IncidentController(Incidents incidents, AlertIntake intake, TransactionTemplate transaction, Visibility visibility,
      Clock clock, Installation installation) {
    this.incidents = incidents;
    this.intake = intake;
    this.transaction = transaction;
    this.visibility = visibility;
    this.clock = clock;
    this.installation = installation;
  }

  /** @param dedupKey like an alert fingerprint: a repeat while the incident is open opens nothing new */
  record NewIncident(
      @Size(max = 200) String service,
      @NotBlank @Size(max = 300) String title,
      @Size(max = 10_000) String description,
      @NotNull @Pattern(regexp = LEVEL, message = LEVEL_RULE) String impact,
      @NotNull @Pattern(regexp = LEVEL, message = LEVEL_RULE) String urgency,
      @Size(min = 1, max = AlertmanagerTranslator.MAX_FINGERPRINT) @Pattern(regexp = "\\S+", message = "must not contain spaces")
      String dedupKey,
      @Pattern(regexp = "outage|database|security|performance|other",
          message = "must be outage, database, security, performance or other") String category) {
  }

  /** What a reporter who may not read restricted incidents gets back for a restricted one: its key only. */
  record RestrictedReceipt(String incidentKey, boolean restricted, String detail) {

    static RestrictedReceipt of(String key) {
      return new RestrictedReceipt(key, true, "Recorded as a restricted (security) incident: only ops, managers and "
          + "the security team read it.");
    }
  }

  @Operation(summary = "Report an incident", description =
      "Answers 201 with the new incident, or 200 with the open incident that has the same `dedupKey`. A "
      + "reporter who may not read restricted incidents gets only the key of a restricted one. With a `dedupKey` "
      + "the report is an alert: one on a retired service is refused (409, \"service retired\").")
  @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(
      oneOf = {IncidentDetails.class, RestrictedReceipt.class})))
  @ApiResponse(responseCode = "409", description = "An alert (with dedupKey) on a retired service: not taken in")
  @ApiResponse(responseCode = "200", description = "An open incident with the same dedupKey exists; nothing new was "
      + "opened", content = @Content(schema = @Schema(oneOf = {IncidentDetails.class, RestrictedReceipt.class})))
  @PostMapping
  ResponseEntity<?> report(@Valid @RequestBody NewIncident request, Authentication caller) {
    IncidentReport report = new IncidentReport(request.service(), request.title(), request.description(),
        request.impact(), request.urgency(), IncidentSource.API, caller.getName(), request.category());
    String key;
    boolean created;
    if (request.dedupKey() == null) {
      key = transaction.execute(status -> incidents.open(report).incidentKey());
      created = true;
    } else {
      // the report's title and first line name the alert, cut to the alert's columns
      Observation observation = new Observation(request.dedupKey(), true,
          Texts.clip(report.title(), AlertmanagerTranslator.MAX_ALERT_NAME), null,
          request.description() == null ? null
              : request.description().lines().findFirst().map(line -> Texts.clip(line, AlertmanagerTranslator.MAX_SUMMARY))
                  .orElse(null),
          "{}", null, clock.instant(), null, report, List.of());
      IntakeResult result = intake.receive(List.of(observation), caller.getName());
      if (result.opened().isEmpty() && result.updated().isEmpty()) {
        throw Refusal.conflict("The alert was not taken in: " + result.ignored().get(0).reason()
            + ". Nothing was recorded.");
      }
      created = !result.opened().isEmpty();
      key = created ? result.opened().iterator().next() : result.updated().iterator().next();
    }
    Object answer = incidents.details(key, visibility.seesRestricted(caller))
        .<Object>map(details -> details).orElseGet(() -> RestrictedReceipt.of(key));
    return created
        ? ResponseEntity.created(URI.create("/api/incidents/" + key)).body(answer)
        : ResponseEntity.ok(answer);
  }

  /** A restricted incident is not found for a reader who may not read it: its existence stays hidden. */
  @Operation(summary = "Read one incident: facts, state, priority, SLAs, alerts and timeline")
  @GetMapping("/{key}")
  IncidentDetails get(@PathVariable String key, Authentication caller) {
    return incidents.details(key, visibility.seesRestricted(caller))
        .orElseThrow(() -> Refusal.notFound("No incident '" + key + "'."));
  }

  @Operation(summary = "Read an incident's summary: facts, SLAs, alerts and timeline, for people and for pasting",
      description = """
          Markdown unless the client asks for HTML by name (`text/html` ranked above every other type it takes, as \
          browsers do: a styled, printable page in English or Chinese, after the `opsflow-language` cookie, \
          `Accept-Language`, else `opsflow.language`) or for `application/json` (what `GET /api/incidents/{key}` answers).""")
  @ApiResponse(responseCode = "200", description = "The summary", content = {
      @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IncidentDetails.class))})
  @GetMapping("/{key}/report")
  ResponseEntity<?> report(@PathVariable String key, HttpServletRequest request, Authentication caller)
      throws HttpMediaTypeNotAcceptableException {
    IncidentDetails details = get(key, caller);
    return ReportPage.answer(request, installation, ReportFormat.MARKDOWN,
        reader -> IncidentSummary.title(details, reader),
        reader -> IncidentSummary.markdown(details, reader), () -> details);
  }

  @Operation(summary = "List incidents, newest first")
  @GetMapping
  List<Incident> list(
      @Parameter(schema = @Schema(allowableValues = {"open", "closed"})) @RequestParam(required = false) String state,
      @Parameter(description = "a service key") @RequestParam(required = false) String service,
      @Parameter(schema = @Schema(minimum = "1", maximum = "1000"))
      @RequestParam(defaultValue = "100") int limit, Authentication caller) {
    // text, not IncidentState: the filter knows only open (not closed yet) and closed, and one value of it
    ListFilter.check(state, service, limit);
    return incidents.list(Codes.find(IncidentState.class, state).orElse(null), service, limit,
        visibility.seesRestricted(caller));
  }

}
