package io.opsflow.emergency.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.emergency.PlanActivation;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.web.ReportFormat;
import io.opsflow.kernel.web.ReportPage;
import io.opsflow.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Tag(name = "Emergency plans", description = "Emergency plans, their activations (real or drill) and reports")
@RestController
@RequestMapping("/api/emergency-plans")
class EmergencyController {

  private final EmergencyPlans plans;
  private final ServiceCatalog catalog;
  private final Incidents incidents;
  private final Visibility visibility;
  private final Installation installation;

  EmergencyController(EmergencyPlans plans, ServiceCatalog catalog, Incidents incidents, Visibility visibility,
      Installation installation) {
    this.plans = plans;
    this.catalog = catalog;
    this.incidents = incidents;
    this.visibility = visibility;
    this.installation = installation;
  }

  record NewActivation(@NotBlank @Size(max = 64) String service, @Size(max = 32) String incidentKey,
      @NotNull Boolean drill) {
  }

  record Abort(@NotBlank @Size(max = 1000) String reason) {
  }

  @Operation(summary = "List the emergency plans")
  @GetMapping
  List<EmergencyPlans.Plan> list() {
    return plans.plans();
  }

  @Operation(summary = "Activate an emergency plan for a service (or run a drill)")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/{planKey}/activations")
  ResponseEntity<PlanActivation> activate(@PathVariable String planKey, @Valid @RequestBody NewActivation body,
      Authentication caller) {
    if (catalog.find(body.service()).isEmpty()) {
      throw Refusal.invalid("service '" + body.service() + "' is not in the catalog.");
    }
    if (body.incidentKey() != null && !body.incidentKey().isBlank()
        && incidents.details(body.incidentKey(), visibility.seesRestricted(caller)).isEmpty()) {
      throw Refusal.invalid("incidentKey '" + body.incidentKey() + "' is not an incident.");
    }
    PlanActivation activation = plans.activate(planKey, body.service(), body.incidentKey(), body.drill(), caller.getName());
    return ResponseEntity.created(URI.create("/api/emergency-plans/activations/" + activation.activationKey()))
        .body(activation);
  }

  @Operation(summary = "Read one plan activation")
  @GetMapping("/activations/{key}")
  PlanActivation activation(@PathVariable String key, Authentication caller) {
    return plans.find(key, visibility.seesRestricted(caller))
        .orElseThrow(() -> Refusal.notFound("No emergency plan activation '" + key + "'."));
  }

  /** The commander (a manager) aborts a running plan: every open step closes, the outcome is "aborted". */
  @Operation(summary = "Abort a running plan: every open step closes, the outcome is aborted",
      description = "409 once the plan has ended.")
  @ApiResponse(responseCode = "409", description = "The plan has ended already.")
  @PostMapping("/activations/{key}/abort")
  PlanActivation abort(@PathVariable String key, @Valid @RequestBody Abort body, Authentication caller) {
    return plans.abort(key, caller.getName(), body.reason().strip(), visibility.seesRestricted(caller));
  }

  @Operation(summary = "Read the report of a plan activation: steps, who did them, the outcome", description = """
      JSON unless the client asks for Markdown (`text/markdown`) or HTML by name (`text/html` ranked above every \
      other type it takes, as browsers do: a styled, printable page in English or Chinese, after the \
      `opsflow-language` cookie, `Accept-Language`, else `opsflow.language`).""")
  @ApiResponse(responseCode = "200", description = "The report", content = {
      @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = EmergencyPlans.Report.class)),
      @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
  @GetMapping("/activations/{key}/report")
  ResponseEntity<?> report(@PathVariable String key, HttpServletRequest request, Authentication caller)
      throws HttpMediaTypeNotAcceptableException {
    EmergencyPlans.Report report = plans.report(key, visibility.seesRestricted(caller));
    return ReportPage.answer(request, installation, ReportFormat.JSON, reader -> ActivationReport.title(report, reader),
        reader -> ActivationReport.markdown(report, reader), () -> report);
  }
}
