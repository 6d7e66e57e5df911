package io.opsflow.catalog.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.catalog.Lifecycle;
import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.domain.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Service catalog", description = "Services, their tiers, owning groups, dependencies and lifecycle")
@RestController
@RequestMapping("/api/services")
class ServiceController {

  private final ServiceCatalog catalog;
  private final ServiceLifecycle lifecycle;

  ServiceController(ServiceCatalog catalog, ServiceLifecycle lifecycle) {
    this.catalog = catalog;
    this.lifecycle = lifecycle;
  }

  @Operation(summary = "List the services of the catalog")
  @GetMapping
  List<Service> list() {
    return catalog.list();
  }

  @Operation(summary = "Read one service, with the services that depend on it and its lifecycle (state and history)")
  @GetMapping("/{key}")
  Service get(@PathVariable String key) {
    return catalog.get(key);
  }

  @Operation(summary = "Add a service to the catalog", description =
      "A new service is `planned`; one already running is registered with `\"lifecycle\": \"live\"`.")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "409", description = "A service with this key exists")
  @PostMapping
  ResponseEntity<Service> create(@Valid @RequestBody ServiceDraft draft) {
    Service created = catalog.create(draft);
    return ResponseEntity.created(URI.create("/api/services/" + created.key())).body(created);
  }

  @Operation(summary = "Change a service", description =
      "The key cannot change; the body may repeat it or leave it out.")
  @PutMapping("/{key}")
  Service update(@PathVariable String key, @Valid @RequestBody ServiceDraft draft) {
    if (draft.key() != null && !draft.key().equals(key)) {
      throw Refusal.invalid("The body names service '" + draft.key() + "' but the path names '" + key
          + "'; a service key cannot be changed.");
    }
    return catalog.update(draft.withKey(key));
  }

  @Operation(summary = "Move a service's lifecycle by hand (administrators)", description =
      "To the next state only (" + LifecycleState.ARROWS + "), with a reason. The launch and retirement "
      + "processes move it on their own; this is for what happened outside them.")
  @ApiResponse(responseCode = "409", description = "The state is not the next one, or the service moved meanwhile")
  @PutMapping("/{key}/lifecycle")
  Lifecycle moveLifecycle(@PathVariable String key, @Valid @RequestBody LifecycleMove move, Principal caller) {
    return lifecycle.moveByHand(key, Codes.of(LifecycleState.class, move.state(), "state"), caller.getName(),
        move.reason());
  }
}
