package io.opsflow.oncall.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.kernel.web.ApiException;
import io.opsflow.oncall.Contact;
import io.opsflow.oncall.ContactDraft;
import io.opsflow.oncall.OnCall;
import io.opsflow.oncall.OnCallSettings;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * How a person is reached when on call. A mobile number is personal: a person reads and changes their
 * own; managers and administrators anyone's. Others are refused before the user is looked up, so the
 * answer does not tell who exists.
 */
@Tag(name = "On call")
@RestController
@RequestMapping("/api/people/{id}/contacts")
class ContactController {

  private final OnCall onCall;
  private final OnCallSettings settings;

  ContactController(OnCall onCall, OnCallSettings settings) {
    this.onCall = onCall;
    this.settings = settings;
  }

  @Operation(summary = "Read how a person is reached", description =
      "`email` is the one set here, else the Camunda profile's. Only the person, managers and administrators.")
  @GetMapping
  Contact get(@PathVariable String id, Authentication caller) {
    requireSelfOrEditor(id, caller);
    return onCall.contact(id);
  }

  @Operation(summary = "Set how a person is reached", description =
      "All fields optional; the body replaces what was set, so a field left out is cleared. Only the person, "
      + "managers and administrators.")
  @PutMapping
  Contact put(@PathVariable String id, @Valid @RequestBody ContactDraft draft, Authentication caller) {
    requireSelfOrEditor(id, caller);
    return settings.putContact(id, draft);
  }

  private static void requireSelfOrEditor(String id, Authentication caller) {
    boolean editor = Authorities.groupsOf(caller).stream()
        .anyMatch(group -> group.equals(Groups.MANAGER) || group.equals(Groups.ADMIN));
    if (!editor && !caller.getName().equals(id)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Only " + id + ", managers and administrators see and change "
          + id + "'s contacts.");
    }
  }
}
