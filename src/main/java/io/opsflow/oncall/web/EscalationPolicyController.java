package io.opsflow.oncall.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.kernel.web.ApiException;
import io.opsflow.kernel.web.ListFilter;
import io.opsflow.oncall.Escalation;
import io.opsflow.oncall.EscalationPolicy;
import io.opsflow.oncall.OnCall;
import io.opsflow.oncall.OnCallSettings;
import io.opsflow.oncall.PolicyDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Escalation policies, one per service ({@code /services/{key}}) or as a group's default
 * ({@code /groups/{id}}): two paths rather than one {@code service:<key>} scope, because a path key
 * holds no colon.
 */
@Tag(name = "On call")
@RestController
@RequestMapping("/api/oncall")
class EscalationPolicyController {

  private final OnCall onCall;
  private final OnCallSettings settings;

  EscalationPolicyController(OnCall onCall, OnCallSettings settings) {
    this.onCall = onCall;
    this.settings = settings;
  }

  @Operation(summary = "List the escalation policies that were set", description =
      "Services and groups without one use their group's policy, else the built-in one: the person on call at "
      + "once, the next one in the rotation after " + OnCall.NEXT_AFTER_MINUTES + " minutes, the `manager` group "
      + "after " + OnCall.MANAGER_AFTER_MINUTES + ".")
  @GetMapping("/escalation-policies")
  List<EscalationPolicy> list() {
    return onCall.policies();
  }

  @Operation(summary = "Read a service's escalation policy")
  @GetMapping("/escalation-policies/services/{key}")
  EscalationPolicy getService(@PathVariable String key) {
    return found(EscalationPolicy.serviceScope(key));
  }

  @Operation(summary = "Read a group's default escalation policy")
  @GetMapping("/escalation-policies/groups/{id}")
  EscalationPolicy getGroup(@PathVariable String id) {
    return found(EscalationPolicy.groupScope(id));
  }

  @Operation(summary = "Set a service's escalation policy", description =
      "Levels in order: the first at minute 0, each later one after more minutes (at most 1440). `notify` is "
      + "`on-call`, `next-on-call`, `schedule:<id>`, `group:<id>` or `user:<id>`.")
  @PutMapping("/escalation-policies/services/{key}")
  EscalationPolicy putService(@PathVariable String key, @Valid @RequestBody PolicyDraft draft, Principal caller) {
    return settings.putServicePolicy(key, draft, caller.getName());
  }

  @Operation(summary = "Set a group's default escalation policy", description =
      "As for a service; used for the group's services that have no policy of their own.")
  @PutMapping("/escalation-policies/groups/{id}")
  EscalationPolicy putGroup(@PathVariable String id, @Valid @RequestBody PolicyDraft draft, Principal caller) {
    return settings.putGroupPolicy(id, draft, caller.getName());
  }

  @Operation(summary = "Delete a service's escalation policy")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/escalation-policies/services/{key}")
  ResponseEntity<Void> deleteService(@PathVariable String key) {
    settings.deletePolicy(EscalationPolicy.serviceScope(key));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Delete a group's default escalation policy")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/escalation-policies/groups/{id}")
  ResponseEntity<Void> deleteGroup(@PathVariable String id) {
    settings.deletePolicy(EscalationPolicy.groupScope(id));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Whom an escalation pages now", description =
      "For an incident of `service` handled by `group` (default: the service's on-call group): the policy "
      + "that applies and, per level, its delay and the people (or group) it pages at this moment.")
  @GetMapping("/escalation")
  Escalation escalation(@RequestParam(required = false) String service, @RequestParam(required = false) String group) {
    ListFilter.checkKey("service", service);
    ListFilter.checkKey("group", group);
    if (service == null && group == null) {
      throw ApiException.badRequest("Name a service or a group.");
    }
    return onCall.escalationFor(service, group);
  }

  private EscalationPolicy found(String scope) {
    return onCall.policy(scope).orElseThrow(() -> ApiException.notFound("No escalation policy for " + scope
        + "; the group's or the built-in one applies."));
  }
}
