package io.opsflow.incident.intake;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Prometheus Alertmanager's webhook receiver ({@code webhook_configs: - url: .../api/alerts/alertmanager}).
 * Answers 202 with the incidents it opened or updated.
 */
@Tag(name = "Incidents")
@RestController
public class AlertmanagerController {

  public static final String PATH = "/api/alerts/alertmanager";

  private final AlertmanagerTranslator translator;
  private final AlertIntake intake;

  AlertmanagerController(AlertmanagerTranslator translator, AlertIntake intake) {
    this.translator = translator;
    this.intake = intake;
  }

  @Operation(summary = "Receive an Alertmanager webhook (version 4)", description = "Firing alerts open or update "
      + "incidents (one open incident per fingerprint); resolved alerts are recorded. Fields OpsFlow does not use are "
      + "ignored.")
  @ApiResponse(responseCode = "202", description = "The incidents opened and updated, and the alerts ignored")
  @PostMapping(PATH)
  ResponseEntity<IntakeResult> receive(@RequestBody AlertmanagerWebhook webhook, Principal sender) {
    IntakeResult result = intake.receive(translator.translate(webhook, sender.getName()), sender.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
  }
}
