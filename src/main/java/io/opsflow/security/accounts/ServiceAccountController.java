package io.opsflow.security.accounts;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.opsflow.security.ServiceAccounts;

/** Administration of service accounts and their tokens ({@code camunda-admin} only, see SecurityConfiguration). */
@Tag(name = "Service accounts", description = "Accounts and tokens of CI pipelines and monitoring")
@RestController
@RequestMapping("/api/service-accounts")
class ServiceAccountController {

  private final ServiceAccounts accounts;

  ServiceAccountController(ServiceAccounts accounts) {
    this.accounts = accounts;
  }

  record NewAccount(@NotBlank String id, @NotBlank String group, @Size(max = 200) String description) {
  }

  record NewToken(@Size(max = 200) String label) {
  }

  @Operation(summary = "List service accounts and their tokens (never the secrets)")
  @GetMapping
  List<ServiceAccounts.Account> list() {
    return accounts.list();
  }

  @Operation(summary = "Read one service account")
  @GetMapping("/{id}")
  ServiceAccounts.Account get(@PathVariable String id) {
    return accounts.get(id);
  }

  @Operation(summary = "Create a service account in group `ci`, `monitoring`, `feedback` or `analytics`")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "409", description = "A user or service account with this id exists")
  @PostMapping
  ResponseEntity<ServiceAccounts.Account> create(@Valid @RequestBody NewAccount request) {
    ServiceAccounts.Account account = accounts.create(request.id(), request.group(), request.description());
    return ResponseEntity.created(URI.create("/api/service-accounts/" + account.id())).body(account);
  }

  @Operation(summary = "Delete a service account with all its tokens")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, Principal caller) {
    accounts.delete(id, caller.getName());
    return ResponseEntity.noContent().build();
  }

  /** The answer carries the token in clear text; it is not stored and cannot be fetched again. */
  @Operation(summary = "Issue a token", description =
      "The answer carries the token in clear text, once; it is not stored and cannot be fetched again.")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/{id}/tokens")
  ResponseEntity<ServiceAccounts.IssuedToken> issue(@PathVariable String id,
      @Valid @RequestBody(required = false) NewToken request, Principal caller) {
    String label = request == null ? null : request.label();
    ServiceAccounts.IssuedToken token = accounts.issueToken(id, label, caller.getName());
    return ResponseEntity.created(URI.create("/api/service-accounts/" + id + "/tokens/" + token.tokenId()))
        .header("Cache-Control", "no-store")
        .body(token);
  }

  @Operation(summary = "Revoke a token")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/{id}/tokens/{tokenId}")
  ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String tokenId, Principal caller) {
    accounts.revoke(id, tokenId, caller.getName());
    return ResponseEntity.noContent().build();
  }
}
