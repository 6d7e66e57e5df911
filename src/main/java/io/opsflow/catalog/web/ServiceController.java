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
import io.opsflow.kernel.web.ApiException;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/services")
class ServiceController {

  private final ServiceCatalog catalog;

  ServiceController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  List<Service> list() {
    return catalog.list();
  }

  @GetMapping("/{key}")
  Service get(@PathVariable String key) {
    return catalog.get(key);
  }

  @PostMapping
  ResponseEntity<Service> create(@Valid @RequestBody ServiceDraft draft) {
    Service created = catalog.create(draft);
    return ResponseEntity.created(URI.create("/api/services/" + created.key())).body(created);
  }

  @PutMapping("/{key}")
  Service update(@PathVariable String key, @Valid @RequestBody ServiceDraft draft) {
    if (draft.key() != null && !draft.key().equals(key)) {
      throw ApiException.badRequest("The body names service '" + draft.key() + "' but the path names '" + key
          + "'; a service key cannot be changed.");
    }
    return catalog.update(draft.withKey(key));
  }
}
