package io.opsflow.catalog.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.kernel.domain.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Service catalog", description = "Services, their tiers, owning groups and dependencies")
@RestController
@RequestMapping("/api/services")
class ServiceController {

  private final ServiceCatalog catalog;

  ServiceController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Operation(summary = "List the services of the catalog")
  @GetMapping
  List<Service> list() {
    return catalog.list();
  }

  @Operation(summary = "Read one service, with the services that depend on it")
  @GetMapping("/{key}")
  Service get(@PathVariable String key) {
    return catalog.get(key);
  }

  @Operation(summary = "Add a service to the catalog")
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
}
