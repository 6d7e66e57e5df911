package io.opsflow.notify.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.kernel.domain.Refusal;
import io.opsflow.notify.outbox.NotificationLog;
import io.opsflow.notify.outbox.NotificationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "Notifications", description = "What was sent to whom, when, and what the vendor answered")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final NotificationLog log;

  NotificationController(NotificationLog log) {
    this.log = log;
  }

  @Operation(summary = "List notifications, newest first", description = "By business key (incident or reference) "
      + "and state; ?state=failed lists what could not be delivered after the last retry.")
  @GetMapping
  List<NotificationView> list(
      @Parameter(description = "an incident key (same as reference)") @RequestParam(required = false) String incident,
      @Parameter(description = "a business key: INC-..., CHG-...") @RequestParam(required = false) String reference,
      @Parameter(schema = @Schema(allowableValues = {"pending", "sending", "delivered", "failed", "merged"}))
      @RequestParam(required = false) String state,
      @Parameter(schema = @Schema(minimum = "1", maximum = "1000")) @RequestParam(defaultValue = "100") int limit) {
    if (incident != null && reference != null && !incident.equals(reference)) {
      throw Refusal.invalid("Give incident or reference, not both.");
    }
    return log.find(incident != null ? incident : reference, state, limit);
  }
}
