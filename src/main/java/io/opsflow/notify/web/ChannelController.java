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

import io.opsflow.notify.outbox.ChannelDraft;
import io.opsflow.notify.outbox.ChannelView;
import io.opsflow.notify.outbox.Channels;
import io.opsflow.notify.outbox.TestResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Tag(name = "Notification channels", description = "Where notifications go: e-mail, DingTalk, WeCom, Feishu, Slack, "
    + "webhooks. Targets and secrets are stored encrypted and never returned.")
@RestController
@RequestMapping("/api/notification-channels")
class ChannelController {

  private final Channels channels;

  ChannelController(Channels channels) {
    this.channels = channels;
  }

  @Operation(summary = "List the channels (targets masked, no secrets)")
  @GetMapping
  List<ChannelView> list() {
    return channels.list();
  }

  @Operation(summary = "Read one channel (target masked, no secret)")
  @GetMapping("/{id}")
  ChannelView get(@PathVariable long id) {
    return channels.get(id);
  }

  @Operation(summary = "Add a channel", description = "The kind's client checks the target and secret first.")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "503", description = "No OPSFLOW_SECRET_KEY is configured")
  @PostMapping
  ResponseEntity<ChannelView> create(@Valid @RequestBody ChannelDraft draft) {
    ChannelView created = channels.create(draft);
    return ResponseEntity.created(URI.create("/api/notification-channels/" + created.id())).body(created);
  }

  @Operation(summary = "Change a channel", description = "Leaving out secret keeps the stored one; \"\" removes it.")
  @PutMapping("/{id}")
  ChannelView update(@PathVariable long id, @Valid @RequestBody ChannelDraft draft) {
    return channels.update(id, draft);
  }

  @Operation(summary = "Delete a channel that no rule uses")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "409", description = "Rules still send to it")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    channels.delete(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Send a test message now", description = "Answers what the vendor answered.")
  @PostMapping("/{id}/test")
  TestResult test(@PathVariable long id) {
    return channels.test(id);
  }
}
