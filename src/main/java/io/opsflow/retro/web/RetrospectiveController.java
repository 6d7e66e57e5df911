package io.opsflow.retro.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.kernel.web.ReportFormat;
import io.opsflow.kernel.web.ReportPage;
import io.opsflow.retro.Retrospective;
import io.opsflow.retro.RetrospectiveState;
import io.opsflow.retro.Retrospectives;
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
import jakarta.validation.constraints.Size;

@Tag(name = "Retrospectives", description =
    "Post-launch and post-incident retrospectives, their facts, findings and reports")
@RestController
@RequestMapping("/api/retrospectives")
class RetrospectiveController {

  private static final String REPORT_SUMMARY = "Read the report of a retrospective";
  private static final String REPORT_DESCRIPTION = "Markdown (`text/markdown`) unless the client asks for HTML by name "
      + "(`text/html` ranked above every other type it takes, as browsers do: a styled, printable page in English or "
      + "Chinese, after the `opsflow-language` cookie, `Accept-Language`, else `opsflow.language`) or for "
      + "`application/json` (the retrospective's details); `Accept: */*` (curl) gets Markdown.";

  private final Retrospectives retrospectives;
  private final RetrospectiveReport report;
  private final RuntimeService runtimeService;
  private final ServiceCatalog catalog;
  private final Visibility visibility;
  private final Installation installation;

  RetrospectiveController(Retrospectives retrospectives, RetrospectiveReport report, RuntimeService runtimeService,
      ServiceCatalog catalog, Visibility visibility, Installation installation) {
    this.retrospectives = retrospectives;
    this.report = report;
    this.runtimeService = runtimeService;
    this.catalog = catalog;
    this.visibility = visibility;
    this.installation = installation;
  }

  record NewRetrospective(@NotBlank @Size(max = 64) String service, @NotNull OffsetDateTime from,
      @NotNull OffsetDateTime to) {
  }

  /** A retrospective by hand (managers), for a service and a time window. */
  @Operation(summary = "Request a retrospective of a service over a time window")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping
  ResponseEntity<Retrospectives.Details> request(@Valid @RequestBody NewRetrospective body, Authentication caller) {
    if (catalog.find(body.service()).isEmpty()) {
      throw Refusal.invalid("service '" + body.service() + "' is not in the catalog.");
    }
    if (!body.from().isBefore(body.to())) {
      throw Refusal.invalid("from must be before to.");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("service", body.service());
    variables.put("windowStart", java.util.Date.from(body.from().toInstant()));
    variables.put("windowEnd", java.util.Date.from(body.to().toInstant()));
    variables.put("requestedBy", caller.getName());
    String key = runtimeService.startProcessInstanceByKey(Retrospectives.PROCESS_KEY, variables).getBusinessKey();
    return ResponseEntity.created(URI.create("/api/retrospectives/" + key))
        .body(retrospectives.details(key, visibility.seesRestricted(caller)));
  }

  @Operation(summary = "List retrospectives")
  @GetMapping
  List<Retrospective> list(@Parameter(description = "a service key") @RequestParam(required = false) String service,
      @Parameter(schema = @Schema(implementation = RetrospectiveState.class))
      @RequestParam(required = false) String state,
      Authentication caller) {
    ListFilter.checkKey("service", service);
    // text, not the enum: the refusal names the parameter in the words this API has always used
    RetrospectiveState wanted = state == null ? null : Codes.find(RetrospectiveState.class, state)
        .orElseThrow(() -> Refusal.invalid("state must be one of " + Codes.list(RetrospectiveState.class) + ", not '"
            + state + "'."));
    return retrospectives.list(service, wanted, visibility.seesRestricted(caller));
  }

  @Operation(summary = "Read one retrospective with its facts, findings and action items")
  @GetMapping("/{key}")
  Retrospectives.Details get(@PathVariable String key, Authentication caller) {
    return retrospectives.details(key, visibility.seesRestricted(caller));
  }

  /**
   * Markdown unless the client asks for HTML by name ({@code text/html} or
   * {@code application/xhtml+xml} ranked above every other type it takes) or for JSON: a browser gets
   * the styled page in its language; curl ({@code Accept: *}{@code /*}), no Accept and {@code text/*}
   * get Markdown.
   */
  @Operation(summary = REPORT_SUMMARY, description = REPORT_DESCRIPTION)
  @ApiResponse(responseCode = "200", description = "The report", content = {
      @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Retrospectives.Details.class))})
  @GetMapping("/{key}/report")
  ResponseEntity<?> report(@PathVariable String key, HttpServletRequest request, Authentication caller)
      throws HttpMediaTypeNotAcceptableException {
    Retrospectives.Details details = retrospectives.details(key, visibility.seesRestricted(caller));
    return ReportPage.answer(request, installation, ReportFormat.MARKDOWN, reader -> report.title(details, reader),
        reader -> report.markdown(details, reader), () -> details);
  }
}
