package io.opsflow.lifecycle.launch;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.kernel.domain.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Launches", description = "Launching a planned service (首发): readiness, sign-offs, launch change, hypercare")
@RestController
class LaunchController {

  private final Launches launches;
  private final ServiceCatalog catalog;
  private final RuntimeService runtimeService;

  LaunchController(Launches launches, ServiceCatalog catalog, RuntimeService runtimeService) {
    this.launches = launches;
    this.catalog = catalog;
    this.runtimeService = runtimeService;
  }

  record NewLaunch(String plannedDate, String version, Integer hypercareDays, Boolean feedbackNotApplicable) {
  }

  @Operation(summary = "Launch a planned service", description = """
      Starts service-launch: readiness checks, sign-offs of ops, dev and QA, a manager's go / no-go, the launch \
      change (a normal change-release) and hypercare (hypercareDays, default 14, each with a launch report). \
      409 when the service is not planned or a launch of it already runs.""")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/api/services/{key}/launch")
  @Transactional
  ResponseEntity<Launches.Details> launch(@PathVariable String key, @RequestBody NewLaunch body, Authentication caller) {
    catalog.get(key);
    LaunchRequest request = new LaunchRequest(key, body.plannedDate(), body.version(), body.hypercareDays(),
        body.feedbackNotApplicable());
    List<String> problems = launches.problems(request);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid launch, nothing was started: " + String.join("; ", problems) + ".");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(LaunchSteps.SERVICE, key);
    variables.put(LaunchSteps.PLANNED_DATE, body.plannedDate());
    variables.put(LaunchSteps.VERSION, body.version());
    variables.put(LaunchSteps.HYPERCARE_DAYS, request.hypercare());
    variables.put(LaunchSteps.FEEDBACK_NOT_APPLICABLE, Boolean.TRUE.equals(body.feedbackNotApplicable()));
    variables.put(LaunchSteps.REQUESTED_BY, caller.getName());
    String launchKey = runtimeService.startProcessInstanceByKey(Launches.PROCESS_KEY, variables).getBusinessKey();
    return ResponseEntity.created(URI.create("/api/launches/" + launchKey)).body(launches.details(launchKey));
  }

  @Operation(summary = "Read a launch: readiness, sign-offs, decision, launch change and the daily reports")
  @GetMapping("/api/launches/{key}")
  Launches.Details get(@PathVariable String key) {
    return launches.details(key);
  }
}
