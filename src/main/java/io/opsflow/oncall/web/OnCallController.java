package io.opsflow.oncall.web;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.StorableTime;
import io.opsflow.kernel.web.ApiException;
import io.opsflow.oncall.OnCall;
import io.opsflow.oncall.OnCallSettings;
import io.opsflow.oncall.OverrideDraft;
import io.opsflow.oncall.Schedule;
import io.opsflow.oncall.ScheduleDraft;
import io.opsflow.oncall.Shift;
import io.opsflow.oncall.ShiftOverride;
import io.opsflow.security.Authorities;
import io.opsflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@Tag(name = "On call", description = "On-call schedules, overrides, who is on call now, iCalendar export")
@RestController
@RequestMapping("/api/oncall")
class OnCallController {

  /** How far ahead the iCalendar export reaches. */
  static final Duration CALENDAR_AHEAD = Duration.ofDays(56);

  private final OnCall onCall;
  private final OnCallSettings settings;
  private final Clock clock;
  private final Installation installation;

  OnCallController(OnCall onCall, OnCallSettings settings, Clock clock, Installation installation) {
    this.onCall = onCall;
    this.settings = settings;
    this.clock = clock;
    this.installation = installation;
  }

  /** Who is on call now in one schedule. */
  record OnCallNowView(String scheduleId, String scheduleName, String group, String userId, String displayName,
      Instant from, Instant to) {
  }

  @Operation(summary = "Who is on call now in the caller's groups", description =
      "One entry per schedule of the caller's groups in which someone is on call; managers and administrators "
      + "see every schedule.")
  @GetMapping("/now")
  List<OnCallNowView> now(Authentication caller) {
    List<String> groups = Authorities.groupsOf(caller);
    boolean everything = groups.contains(Groups.MANAGER) || groups.contains(Groups.ADMIN);
    return onCall.onCallInGroups(everything ? null : groups, clock.instant()).stream()
        .map(now -> new OnCallNowView(now.scheduleId(), now.scheduleName(), now.group(), now.shift().userId(),
            onCall.displayName(now.shift().userId()), now.shift().from(), now.shift().to()))
        .toList();
  }

  @Operation(summary = "List the on-call schedules")
  @GetMapping("/schedules")
  List<Schedule> list() {
    return onCall.schedules();
  }

  @Operation(summary = "Read one on-call schedule")
  @GetMapping("/schedules/{id}")
  Schedule get(@PathVariable String id) {
    return onCall.getSchedule(id);
  }

  @Operation(summary = "Create an on-call schedule", description =
      "Members take turns in their order, one day or week each, handing over at `handoffTime` in `timeZone` "
      + "from `start` on. Every member must be a user in `group`.")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/schedules")
  ResponseEntity<Schedule> create(@Valid @RequestBody ScheduleDraft draft) {
    Schedule created = settings.createSchedule(draft);
    return ResponseEntity.created(URI.create("/api/oncall/schedules/" + created.id())).body(created);
  }

  @Operation(summary = "Replace an on-call schedule", description = "Its overrides stay.")
  @PutMapping("/schedules/{id}")
  Schedule update(@PathVariable String id, @Valid @RequestBody ScheduleDraft draft) {
    return settings.updateSchedule(id, draft);
  }

  @Operation(summary = "Delete an on-call schedule and its overrides", description =
      "Refused (409) while an escalation policy pages the schedule.")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "409", description = "An escalation policy pages this schedule")
  @DeleteMapping("/schedules/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    settings.deleteSchedule(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Who is on call at a moment", description =
      "The person on call at `at` (default: now) with the start and end of their shift, or of the override "
      + "or the part of a shift an override leaves. 404 before the schedule's first handoff.")
  @GetMapping("/schedules/{id}/now")
  Shift onCallAt(@PathVariable String id,
      @Parameter(description = "ISO-8601 with offset; default now", schema = @Schema(format = "date-time"))
      @RequestParam(required = false) String at) {
    Schedule schedule = onCall.getSchedule(id);
    Instant moment = at == null ? clock.instant() : moment("at", at);
    return onCall.onCall(schedule.id(), moment).orElseThrow(() -> ApiException.notFound(
        "No one is on call in '" + schedule.name() + "' at " + moment + ": no one on call before "
        + schedule.firstHandoff() + ", the first handoff."));
  }

  @Operation(summary = "Who is on call over a span", description =
      "Rotation shifts cut by overrides, each whole (the first may begin before `from`), at most a year.")
  @GetMapping("/schedules/{id}/shifts")
  List<Shift> shifts(@PathVariable String id,
      @Parameter(description = "ISO-8601 with offset", schema = @Schema(format = "date-time"))
      @RequestParam String from,
      @Parameter(description = "ISO-8601 with offset", schema = @Schema(format = "date-time"))
      @RequestParam String to) {
    return onCall.shifts(id, moment("from", from), moment("to", to));
  }

  @Operation(summary = "The next 8 weeks of a schedule as iCalendar (RFC 5545)", description =
      "One event per shift, overrides included; subscribe to it from a calendar.")
  @ApiResponse(responseCode = "200", description = "text/calendar",
      content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
  @GetMapping("/schedules/{id}.ics")
  ResponseEntity<byte[]> calendar(@PathVariable String id, HttpServletRequest request) {
    Schedule schedule = onCall.getSchedule(id);
    Instant now = clock.instant();
    byte[] body = OnCallCalendar.write(schedule, onCall.shifts(schedule.id(), now, now.plus(CALENDAR_AHEAD)),
        onCall::displayName, now, installation.reader(installation.languageOf(request)));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, OnCallCalendar.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"oncall-" + schedule.id() + ".ics\"")
        .body(body);
  }

  @Operation(summary = "List the overrides of a schedule")
  @GetMapping("/schedules/{id}/overrides")
  List<ShiftOverride> overrides(@PathVariable String id) {
    return onCall.overrides(id);
  }

  @Operation(summary = "Put someone on call instead of the rotation", description =
      "From `from` to `to` (after `from`, at most 90 days); the person must be in the schedule's group. "
      + "Of overlapping overrides the latest wins.")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/schedules/{id}/overrides")
  ResponseEntity<ShiftOverride> addOverride(@PathVariable String id, @Valid @RequestBody OverrideDraft draft,
      Principal caller) {
    ShiftOverride created = settings.addOverride(id, draft, caller.getName());
    return ResponseEntity.created(URI.create("/api/oncall/schedules/" + created.scheduleId() + "/overrides/"
        + created.id())).body(created);
  }

  @Operation(summary = "Delete an override")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @DeleteMapping("/schedules/{id}/overrides/{overrideId}")
  ResponseEntity<Void> deleteOverride(@PathVariable String id, @PathVariable String overrideId) {
    settings.deleteOverride(id, overrideId);
    return ResponseEntity.noContent().build();
  }

  static Instant moment(String name, String value) {
    try {
      Instant moment = OffsetDateTime.parse(value).toInstant();
      if (!StorableTime.storable(moment)) {
        throw ApiException.badRequest(name + " must lie " + StorableTime.RANGE + ".");
      }
      return moment;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be an ISO-8601 date and time with offset, e.g. "
          + "2026-03-01T09:00:00+08:00, not '" + value + "'.");
    }
  }
}
