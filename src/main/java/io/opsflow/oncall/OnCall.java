package io.opsflow.oncall;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.oncall.persistence.OnCallMapper;
import io.opsflow.security.Directory;
import io.opsflow.security.Groups;

/**
 * Who is on call, whom an escalation pages, how to reach a person: what incident handling and
 * notifications ask. Read-only; {@link OnCallSettings} changes schedules, policies and contacts.
 */
@Service
public class OnCall {

  /** Minutes after which the built-in policy pages the next person in the rotation. */
  public static final int NEXT_AFTER_MINUTES = 5;
  /**
   * Minutes after which the built-in policy pages the {@code manager} group: a fixed default, not the
   * incident's acknowledge SLA, because this module knows nothing of incidents. A group or service
   * policy sets other delays.
   */
  public static final int MANAGER_AFTER_MINUTES = 15;
  /** The built-in policy, used when neither the service nor its on-call group has one. */
  public static final List<EscalationPolicy.Level> BUILT_IN_LEVELS = List.of(
      new EscalationPolicy.Level(0, "on-call"),
      new EscalationPolicy.Level(NEXT_AFTER_MINUTES, "next-on-call"),
      new EscalationPolicy.Level(MANAGER_AFTER_MINUTES, "group:" + Groups.MANAGER));

  /** The longest span {@link #shifts} answers: a year. */
  static final long MAX_SPAN_DAYS = 366;

  /** A schedule's person on call at one moment. */
  public record OnCallNow(String scheduleId, String scheduleName, String group, Shift shift) {
  }

  private final OnCallMapper mapper;
  private final IdentityService identity;
  private final Directory directory;
  private final ServiceCatalog catalog;
  private final Clock clock;

  OnCall(OnCallMapper mapper, IdentityService identity, Directory directory, ServiceCatalog catalog, Clock clock) {
    this.mapper = mapper;
    this.identity = identity;
    this.directory = directory;
    this.catalog = catalog;
    this.clock = clock;
  }

  public List<Schedule> schedules() {
    Map<String, List<String>> members = mapper.findAllMembers().stream().collect(Collectors.groupingBy(
        OnCallMapper.MemberRow::scheduleId, Collectors.mapping(OnCallMapper.MemberRow::userId, Collectors.toList())));
    return mapper.findSchedules().stream()
        .map(row -> schedule(row, members.getOrDefault(row.scheduleId(), List.of()))).toList();
  }

  public List<Schedule> schedulesOf(String groupId) {
    return mapper.findSchedulesOfGroup(groupId).stream().map(this::schedule).toList();
  }

  /** The schedule with exactly this id (the database would also match it with trailing spaces). */
  public Optional<Schedule> schedule(String id) {
    OnCallMapper.ScheduleRow row = id == null ? null : mapper.findSchedule(id);
    return Optional.ofNullable(row).filter(found -> found.scheduleId().equals(id)).map(this::schedule);
  }

  /** The schedule; {@link Refusal.NotFound} when there is none. */
  public Schedule getSchedule(String id) {
    return schedule(id).orElseThrow(() -> Refusal.notFound("No on-call schedule '" + id + "'."));
  }

  public List<ShiftOverride> overrides(String scheduleId) {
    return mapper.findOverrides(getSchedule(scheduleId).id()).stream().map(OnCall::override).toList();
  }

  /** Who is on call in the schedule at {@code at}, with the handoffs around it; empty before its start. */
  public Optional<Shift> onCall(String scheduleId, Instant at) {
    return onCall(getSchedule(scheduleId), at);
  }

  /** Who is on call in the group at {@code at}, per schedule of the group (by name). */
  public List<OnCallNow> onCallInGroup(String groupId, Instant at) {
    return onCallIn(schedulesOf(groupId), at);
  }

  /** Who is on call at {@code at} in every schedule of these groups; every schedule when {@code groups} is null. */
  public List<OnCallNow> onCallInGroups(Collection<String> groups, Instant at) {
    return onCallIn(schedules().stream().filter(schedule -> groups == null || groups.contains(schedule.group()))
        .toList(), at);
  }

  /** Who is on call over {@code [from, to)}, rotation shifts cut by overrides, at most a year. */
  public List<Shift> shifts(String scheduleId, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw Refusal.invalid("to must be after from.");
    }
    if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
      throw Refusal.invalid("Shifts are listed for at most " + MAX_SPAN_DAYS + " days at a time.");
    }
    Schedule schedule = getSchedule(scheduleId);
    Rota rota = Rota.of(schedule);
    return rota.timeline(overridesAround(schedule, rota, from, to), from, to);
  }

  /** {@link #escalationFor(String, String, Instant)} now. */
  public Escalation escalationFor(String serviceKey, String group) {
    return escalationFor(serviceKey, group, clock.instant());
  }

  /**
   * The escalation for an incident of {@code serviceKey} handled by {@code group}: the service's policy,
   * else the group's default, else the built-in one ({@link #BUILT_IN_LEVELS}), each level resolved to
   * the people it pages at {@code at}.
   *
   * @param serviceKey a catalog key, or null
   * @param group the on-call group; null means the service's on-call group, else {@code ops}
   */
  public Escalation escalationFor(String serviceKey, String group, Instant at) {
    String onCallGroup = group != null ? group : Optional.ofNullable(serviceKey).flatMap(catalog::find)
        .map(io.opsflow.catalog.Service::onCallGroup).orElse(Groups.OPS);
    EscalationPolicy policy = Optional.ofNullable(serviceKey).flatMap(key -> policy(EscalationPolicy.serviceScope(key)))
        .or(() -> policy(EscalationPolicy.groupScope(onCallGroup)))
        .orElse(new EscalationPolicy(Escalation.BUILT_IN, BUILT_IN_LEVELS, null, null));
    List<OnCallNow> onCallNow = onCallInGroup(onCallGroup, at);
    List<Escalation.Step> steps = new ArrayList<>();
    for (EscalationPolicy.Level level : policy.levels()) {
      steps.add(step(steps.size() + 1, level, onCallGroup, onCallNow, at));
    }
    return new Escalation(serviceKey, onCallGroup, policy.scope(), List.copyOf(steps));
  }

  public List<EscalationPolicy> policies() {
    return mapper.findAllLevels().stream().collect(Collectors.groupingBy(OnCallMapper.LevelRow::scope,
        TreeMap::new, Collectors.toList())).values().stream().map(OnCall::policy).toList();
  }

  /** The policy of a scope ({@code service:<key>} or {@code group:<id>}), if one was set. */
  public Optional<EscalationPolicy> policy(String scope) {
    List<OnCallMapper.LevelRow> levels = mapper.findLevels(scope).stream()
        .filter(level -> level.scope().equals(scope)).toList();
    return levels.isEmpty() ? Optional.empty() : Optional.of(policy(levels));
  }

  /** How to reach a person; {@link Refusal.NotFound} for a user that does not exist. */
  public Contact contact(String userId) {
    User user = user(userId).orElseThrow(() -> Refusal.notFound("No user '" + userId + "'."));
    OnCallMapper.ContactRow row = mapper.findContact(userId);
    String profileEmail = blankToNull(user.getEmail());
    if (row == null) {
      return new Contact(userId, displayName(user), profileEmail, null, null, null, null);
    }
    return new Contact(userId, displayName(user), row.email() != null ? row.email() : profileEmail, row.mobile(),
        row.dingtalkUserId(), row.wecomUserId(), row.feishuUserId());
  }

  /** First and last name of the profile, or the id when the user has none or does not exist. */
  public String displayName(String userId) {
    return user(userId).map(OnCall::displayName).orElse(userId);
  }

  Optional<Shift> onCall(Schedule schedule, Instant at) {
    Instant until = at.plusNanos(1);
    Rota rota = Rota.of(schedule);
    return rota.timeline(overridesAround(schedule, rota, at, until), at, until).stream()
        .filter(shift -> shift.contains(at)).findFirst();
  }

  private Escalation.Step step(int number, EscalationPolicy.Level level, String group, List<OnCallNow> onCallNow,
      Instant at) {
    String notify = level.pages();
    if (notify.equals("on-call")) {
      return people(number, level, onCallNow.stream().map(now -> now.shift().userId()).toList(), group);
    }
    if (notify.equals("next-on-call")) {
      Set<String> next = new LinkedHashSet<>();
      for (OnCallNow now : onCallNow) {
        schedule(now.scheduleId()).flatMap(schedule -> Rota.of(schedule).nextMember(at, now.shift().userId()))
            .ifPresent(next::add);
      }
      return people(number, level, List.copyOf(next), group);
    }
    String target = notify.substring(notify.indexOf(':') + 1);
    if (notify.startsWith("schedule:")) {
      List<String> people = schedule(target).flatMap(schedule -> onCall(schedule, at)).map(Shift::userId)
          .stream().toList();
      return people(number, level, people, schedule(target).map(Schedule::group).orElse(group));
    }
    if (notify.startsWith("group:")) {
      return new Escalation.Step(number, level.afterMinutes(), notify, directory.membersOf(target), target);
    }
    return new Escalation.Step(number, level.afterMinutes(), notify, List.of(target), null);
  }

  /** People when someone is scheduled; the group when nobody is, so the page still reaches someone. */
  private static Escalation.Step people(int number, EscalationPolicy.Level level, List<String> userIds, String group) {
    List<String> distinct = userIds.stream().distinct().toList();
    return new Escalation.Step(number, level.afterMinutes(), level.pages(), distinct, distinct.isEmpty() ? group : null);
  }

  private List<OnCallNow> onCallIn(List<Schedule> schedules, Instant at) {
    List<OnCallNow> answer = new ArrayList<>();
    for (Schedule schedule : schedules) {
      onCall(schedule, at).ifPresent(shift -> answer.add(new OnCallNow(schedule.id(), schedule.name(),
          schedule.group(), shift)));
    }
    return answer;
  }

  /**
   * The overrides that can shape the slices over {@code [from, to)}: those overlapping the rotation shifts
   * there, and those overlapping the overrides found (one override cut by a later one).
   */
  private List<ShiftOverride> overridesAround(Schedule schedule, Rota rota, Instant from, Instant to) {
    Instant[] span = rota.span(from, to);
    List<ShiftOverride> found = overridesOf(schedule, span[0], span[1]);
    Instant low = found.stream().map(ShiftOverride::from).filter(span[0]::isAfter).min(Instant::compareTo).orElse(span[0]);
    Instant high = found.stream().map(ShiftOverride::to).filter(span[1]::isBefore).max(Instant::compareTo).orElse(span[1]);
    return low.equals(span[0]) && high.equals(span[1]) ? found : overridesOf(schedule, low, high);
  }

  private List<ShiftOverride> overridesOf(Schedule schedule, Instant from, Instant to) {
    return mapper.findOverlappingOverrides(schedule.id(), from, to).stream().map(OnCall::override).toList();
  }

  private Schedule schedule(OnCallMapper.ScheduleRow row) {
    return schedule(row, mapper.findMembers(row.scheduleId()).stream().map(OnCallMapper.MemberRow::userId).toList());
  }

  private static Schedule schedule(OnCallMapper.ScheduleRow row, List<String> members) {
    return new Schedule(row.scheduleId(), row.name(), row.groupId(), List.copyOf(members), row.rotation(),
        row.handoffTime(), row.timeZone(), row.startDate(), row.createdAt(), row.updatedAt());
  }

  static ShiftOverride override(OnCallMapper.OverrideRow row) {
    return new ShiftOverride(row.overrideId(), row.scheduleId(), row.userId(), row.startsAt(), row.endsAt(),
        row.createdBy(), row.createdAt());
  }

  private static EscalationPolicy policy(List<OnCallMapper.LevelRow> levels) {
    OnCallMapper.LevelRow first = levels.get(0);
    return new EscalationPolicy(first.scope(), levels.stream()
        .map(level -> new EscalationPolicy.Level(level.afterMinutes(), level.pages())).toList(),
        first.updatedBy(), first.updatedAt());
  }

  private Optional<User> user(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    return Optional.ofNullable(user).filter(found -> found.getId().equals(userId));
  }

  private static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
