package io.opsflow.change.web;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.opsflow.change.Changes;
import io.opsflow.change.FreezeWindow;

/** Freeze (blackout) windows, managed by managers. */
@Tag(name = "Changes")
@RestController
@RequestMapping("/api/freeze-windows")
class FreezeWindowController {

  private final Changes changes;

  FreezeWindowController(Changes changes) {
    this.changes = changes;
  }

  /** @param services catalog keys; empty or missing means every service */
  record NewFreezeWindow(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
      @Size(max = 50) List<@NotBlank String> services, @NotBlank @Size(max = 500) String reason) {
  }

  record FreezeWindowView(String id, OffsetDateTime start, OffsetDateTime end, List<String> services, String reason,
      String createdBy) {

    static FreezeWindowView of(FreezeWindow window) {
      return new FreezeWindowView(window.windowId(), window.startsAt().atOffset(java.time.ZoneOffset.UTC),
          window.endsAt().atOffset(java.time.ZoneOffset.UTC), window.serviceKeys(), window.reason(), window.createdBy());
    }
  }

  @Operation(summary = "Add a freeze window", description =
      "No change of the named services (all when none are named) passes its gate inside the window, "
      + "except emergency changes.")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping
  ResponseEntity<FreezeWindowView> create(@Valid @RequestBody NewFreezeWindow body, Principal caller) {
    FreezeWindow window = changes.addFreezeWindow(body.start().toInstant(), body.end().toInstant(),
        body.services() == null ? List.of() : body.services(), body.reason(), caller.getName());
    return ResponseEntity.created(URI.create("/api/freeze-windows/" + window.windowId())).body(FreezeWindowView.of(window));
  }

  /** Current and future windows; {@code ?past=true} lists ended ones too. */
  @Operation(summary = "List current and future freeze windows (`past=true`: ended ones too)")
  @GetMapping
  List<FreezeWindowView> list(@RequestParam(defaultValue = "false") boolean past) {
    return changes.freezeWindows(past).stream().map(FreezeWindowView::of).toList();
  }

  @Operation(summary = "Delete a freeze window")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    changes.deleteFreezeWindow(id);
    return ResponseEntity.noContent().build();
  }
}
