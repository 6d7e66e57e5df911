package io.opsflow.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.oncall.persistence.OnCallMapper;
import io.opsflow.security.Directory;

/**
 * Changes schedules, overrides, escalation policies and contacts: every input checked before anything
 * is written, every change audited in its own transaction.
 */
@Service
public class OnCallSettings {

  /** An override is a swap or a holiday, not a second rotation. */
  static final Duration MAX_OVERRIDE = Duration.ofDays(90);
  static final LocalDate EARLIEST_START = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST_START = LocalDate.of(9990, 12, 31);

  private final OnCallMapper mapper;
  private final OnCall onCall;
  private final Directory directory;
  private final ServiceCatalog catalog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OnCallSettings(OnCallMapper mapper, OnCall onCall, Directory directory, ServiceCatalog catalog,
      ApplicationEventPublisher events, Clock clock) {
    this.mapper = mapper;
    this.onCall = onCall;
    this.directory = directory;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Schedule createSchedule(ScheduleDraft draft) {
    OnCallMapper.ScheduleRow row = checked(UUID.randomUUID().toString(), draft, now());
    mapper.insertSchedule(row);
    insertMembers(row.scheduleId(), draft.members());
    Schedule created = onCall.getSchedule(row.scheduleId());
    events.publishEvent(AuditEvent.of("oncall-schedule.created", created.id()).change(null, created));
    return created;
  }

  @Transactional
  public Schedule updateSchedule(String id, ScheduleDraft draft) {
    Schedule before = onCall.getSchedule(id);
    OnCallMapper.ScheduleRow row = checked(id, draft, before.createdAt());
    mapper.updateSchedule(row);
    mapper.deleteMembers(id);
    insertMembers(id, draft.members());
    Schedule after = onCall.getSchedule(id);
    events.publishEvent(AuditEvent.of("oncall-schedule.updated", id).change(before, after));
    return after;
  }

  /** Deletes the schedule with its overrides; refused while an escalation policy pages it. */
  @Transactional
  public void deleteSchedule(String id) {
    Schedule before = onCall.getSchedule(id);
    List<String> policies = mapper.findScopesPaging("schedule:" + id);
    if (!policies.isEmpty()) {
      throw Refusal.conflict("Escalation policies page this schedule (" + String.join(", ", policies)
          + "); change them first.");
    }
    mapper.deleteOverridesOf(id);
    mapper.deleteMembers(id);
    mapper.deleteSchedule(id);
    events.publishEvent(AuditEvent.of("oncall-schedule.deleted", id).change(before, null));
  }

  @Transactional
  public ShiftOverride addOverride(String scheduleId, OverrideDraft draft, String by) {
    Schedule schedule = onCall.getSchedule(scheduleId);
    requireMember("userId", draft.userId(), schedule.group());
    Instant from = draft.from().toInstant();
    Instant to = draft.to().toInstant();
    if (!to.isAfter(from)) {
      throw Refusal.invalid("to (" + to + ") must be after from (" + from + ").");
    }
    if (Duration.between(from, to).compareTo(MAX_OVERRIDE) > 0) {
      throw Refusal.invalid("An override lasts at most " + MAX_OVERRIDE.toDays() + " days; change the "
          + "schedule's members for longer.");
    }
    OnCallMapper.OverrideRow row = new OnCallMapper.OverrideRow(UUID.randomUUID().toString(), schedule.id(),
        draft.userId(), from, to, by, now());
    mapper.insertOverride(row);
    ShiftOverride created = OnCall.override(row);
    events.publishEvent(AuditEvent.of("oncall-override.created", schedule.id()).details(created.id())
        .change(null, created));
    return created;
  }

  @Transactional
  public void deleteOverride(String scheduleId, String overrideId) {
    Schedule schedule = onCall.getSchedule(scheduleId);
    OnCallMapper.OverrideRow row = mapper.findOverride(overrideId);
    if (row == null || !row.overrideId().equals(overrideId) || !row.scheduleId().equals(schedule.id())) {
      throw Refusal.notFound("Schedule '" + scheduleId + "' has no override '" + overrideId + "'.");
    }
    mapper.deleteOverride(overrideId);
    events.publishEvent(AuditEvent.of("oncall-override.deleted", schedule.id()).details(overrideId)
        .change(OnCall.override(row), null));
  }

  /** Sets the policy of a service; {@link Refusal.NotFound} when the catalog has no such service. */
  @Transactional
  public EscalationPolicy putServicePolicy(String serviceKey, PolicyDraft draft, String by) {
    catalog.get(serviceKey);
    return putPolicy(EscalationPolicy.serviceScope(serviceKey), draft, by);
  }

  /** Sets a group's default policy; {@link Refusal.NotFound} when there is no such group. */
  @Transactional
  public EscalationPolicy putGroupPolicy(String groupId, PolicyDraft draft, String by) {
    if (!directory.groupExists(groupId)) {
      throw Refusal.notFound("No group '" + groupId + "'.");
    }
    return putPolicy(EscalationPolicy.groupScope(groupId), draft, by);
  }

  @Transactional
  public void deletePolicy(String scope) {
    EscalationPolicy before = onCall.policy(scope)
        .orElseThrow(() -> Refusal.notFound("No escalation policy for " + scope + "."));
    mapper.deleteLevels(scope);
    events.publishEvent(AuditEvent.of("escalation-policy.deleted", scope).change(before, null));
  }

  /** Replaces how a person is reached; {@link Refusal.NotFound} for a user that does not exist. */
  @Transactional
  public Contact putContact(String userId, ContactDraft draft) {
    Contact before = onCall.contact(userId);
    OnCallMapper.ContactRow row = new OnCallMapper.ContactRow(userId, draft.email(), draft.mobile(),
        draft.dingtalkUserId(), draft.wecomUserId(), draft.feishuUserId(), now());
    if (mapper.updateContact(row) == 0) {
      mapper.insertContact(row);
    }
    Contact after = onCall.contact(userId);
    events.publishEvent(AuditEvent.of("contact.updated", userId).change(before, after));
    return after;
  }

  private EscalationPolicy putPolicy(String scope, PolicyDraft draft, String by) {
    List<PolicyDraft.LevelDraft> levels = draft.levels();
    int previous = -1;
    for (int index = 0; index < levels.size(); index++) {
      PolicyDraft.LevelDraft level = levels.get(index);
      if (index == 0 && level.afterMinutes() != 0) {
        throw Refusal.invalid("The first level pages at once: its afterMinutes must be 0.");
      }
      if (level.afterMinutes() <= previous) {
        throw Refusal.invalid("Level " + (index + 1) + " must page later than level " + index
            + ": afterMinutes " + level.afterMinutes() + " is not after " + previous + ".");
      }
      previous = level.afterMinutes();
      if (level.pages() == null || !PolicyDraft.NOTIFY.matcher(level.pages()).matches()) {
        throw Refusal.invalid("levels[" + index + "].notify " + PolicyDraft.NOTIFY_RULE + ", not '"
            + level.pages() + "'.");
      }
      requireTarget(index + 1, level.pages());
    }
    Optional<EscalationPolicy> before = onCall.policy(scope);
    mapper.deleteLevels(scope);
    Instant now = now();
    for (int index = 0; index < levels.size(); index++) {
      mapper.insertLevel(new OnCallMapper.LevelRow(scope, index + 1, levels.get(index).afterMinutes(),
          levels.get(index).pages(), by, now));
    }
    EscalationPolicy after = onCall.policy(scope).orElseThrow();
    events.publishEvent(AuditEvent.of("escalation-policy.updated", scope).change(before.orElse(null), after));
    return after;
  }

  private void requireTarget(int level, String notify) {
    String target = notify.substring(notify.indexOf(':') + 1);
    boolean known = notify.startsWith("schedule:") ? onCall.schedule(target).isPresent()
        : notify.startsWith("group:") ? directory.groupExists(target)
        : notify.startsWith("user:") ? directory.userExists(target)
        : true;
    if (!known) {
      throw Refusal.invalid("Level " + level + " pages " + notify + ", which does not exist.");
    }
  }

  private OnCallMapper.ScheduleRow checked(String id, ScheduleDraft draft, Instant createdAt) {
    if (!directory.groupExists(draft.group())) {
      throw Refusal.invalid("group '" + draft.group() + "' is not a group in OpsFlow; create it in Admin first.");
    }
    Set<String> seen = new HashSet<>();
    for (String member : draft.members()) {
      if (!seen.add(member)) {
        throw Refusal.invalid("members names '" + member + "' twice; each person appears once in a rotation.");
      }
      requireMember("members", member, draft.group());
    }
    if (!ZoneId.getAvailableZoneIds().contains(draft.timeZone())) {
      throw Refusal.invalid("timeZone '" + draft.timeZone() + "' is not an IANA time zone such as "
          + "Asia/Shanghai or Europe/Berlin.");
    }
    LocalDate start;
    try {
      start = LocalDate.parse(draft.start());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("start '" + draft.start() + "' is not a date of the calendar.");
    }
    if (start.isBefore(EARLIEST_START) || start.isAfter(LATEST_START)) {
      throw Refusal.invalid("start must lie between " + EARLIEST_START + " and " + LATEST_START + ".");
    }
    String handoff = draft.handoffTime() == null ? ScheduleDraft.DEFAULT_HANDOFF : draft.handoffTime();
    return new OnCallMapper.ScheduleRow(id, draft.name().strip(), draft.group(), draft.rotation(), handoff,
        draft.timeZone(), start, createdAt, now());
  }

  /** The person exists and is in the group: only they can work the group's tasks. */
  private void requireMember(String field, String userId, String group) {
    if (!directory.userExists(userId)) {
      throw Refusal.invalid(field + " names '" + userId + "', who is not a user of OpsFlow.");
    }
    if (!directory.groupsOf(userId).contains(group)) {
      throw Refusal.invalid(field + " names '" + userId + "', who is not in group '" + group + "'.");
    }
  }

  private void insertMembers(String scheduleId, List<String> members) {
    for (int index = 0; index < members.size(); index++) {
      mapper.insertMember(new OnCallMapper.MemberRow(scheduleId, index, members.get(index)));
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
