package io.opsflow.notify.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.notify.outbox.RuleDraft;
import io.opsflow.notify.outbox.RuleView;
import io.opsflow.notify.outbox.Rules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Notification rules", description = "Which events, for which services, groups and priorities, go to "
    + "which channels")
@RestController
@RequestMapping("/api/notification-rules")
class RuleController {

  private final Rules rules;

  RuleController(Rules rules) {
    this.rules = rules;
  }

  @Operation(summary = "List the rules")
  @GetMapping
  List<RuleView> list() {
    return rules.list();
  }

  @Operation(summary = "Read one rule")
  @GetMapping("/{id}")
  RuleView get(@PathVariable long id) {
    return rules.get(id);
  }

  @Operation(summary = "Add a rule", description = "No service or group means any; no minPriority means any notice. "
      + "A notice without a priority matches only rules without minPriority.")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping
  ResponseEntity<RuleView> create(@Valid @RequestBody RuleDraft draft) {
    RuleView created = rules.create(draft);
    return ResponseEntity.created(URI.create("/api/notification-rules/" + created.id())).body(created);
  }

  @Operation(summary = "Change a rule")
  @PutMapping("/{id}")
  RuleView update(@PathVariable long id, @Valid @RequestBody RuleDraft draft) {
    return rules.update(id, draft);
  }

  @Operation(summary = "Delete a rule")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    rules.delete(id);
    return ResponseEntity.noContent().build();
  }
}
