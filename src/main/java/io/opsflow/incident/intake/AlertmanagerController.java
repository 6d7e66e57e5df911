package io.opsflow.incident.intake;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus Alertmanager's webhook receiver ({@code webhook_configs: - url: .../api/alerts/alertmanager}).
 * Answers 202 with the incidents it opened or updated.
 */
@RestController
public class AlertmanagerController {

  public static final String PATH = "/api/alerts/alertmanager";

  private final AlertmanagerTranslator translator;
  private final AlertIntake intake;

  AlertmanagerController(AlertmanagerTranslator translator, AlertIntake intake) {
    this.translator = translator;
    this.intake = intake;
  }

  @PostMapping(PATH)
  ResponseEntity<IntakeResult> receive(@RequestBody AlertmanagerWebhook webhook, Principal sender) {
    IntakeResult result = intake.receive(translator.translate(webhook, sender.getName()), sender.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
  }
}
