package io.opsflow.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.notify.Notice;
import io.opsflow.notify.NoticeEvent;
import io.opsflow.security.Directory;

/**
 * Notification rules: which notices reach which channels. A rule names only things that exist
 * (event, service, group, channels), checked before anything is written.
 */
@Component
public class Rules {

  private final RuleMapper mapper;
  private final ChannelMapper channels;
  private final ServiceCatalog catalog;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Rules(RuleMapper mapper, ChannelMapper channels, ServiceCatalog catalog, Directory directory,
      ApplicationEventPublisher events, Clock clock) {
    this.mapper = mapper;
    this.channels = channels;
    this.catalog = catalog;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Whether a rule takes a notice: the same event; the rule's service, if it names one; its group, if it
   * names one, among the notice's groups;
   * a priority at least as urgent as its minimum (P1 is the most urgent), if it names one. A notice
   * without a priority matches only rules without a minimum: "P2 or worse" must not page for
   * something nobody rated.
   */
  static boolean matches(RuleMapper.Row rule, Notice notice) {
    return rule.event().equals(notice.event().code())
        && (rule.serviceKey() == null || rule.serviceKey().equals(notice.service()))
        && (rule.groupId() == null || notice.groups().contains(rule.groupId()))
        && (rule.minPriority() == null
            || notice.priority() != null && notice.priority().compareTo(rule.minPriority()) <= 0);
  }

  /** The channels the notice goes to, each once, in the order of the rules. */
  Set<Long> channelsFor(Notice notice) {
    List<RuleMapper.Link> links = mapper.findLinksByEvent(notice.event().code());
    Set<Long> targets = new LinkedHashSet<>();
    mapper.findByEvent(notice.event().code()).stream().filter(rule -> matches(rule, notice))
        .forEach(rule -> links.stream().filter(link -> link.ruleId() == rule.ruleId())
            .forEach(link -> targets.add(link.channelId())));
    return targets;
  }

  public List<RuleView> list() {
    List<RuleMapper.Link> links = mapper.findAllLinks();
    return mapper.findAll().stream().map(row -> view(row, links)).toList();
  }

  public RuleView get(long id) {
    return view(row(id), mapper.findLinks(id));
  }

  @Transactional
  public RuleView create(RuleDraft draft) {
    List<Long> targets = checked(draft);
    Instant now = now();
    Inserted<RuleMapper.Row> row = new Inserted<>(new RuleMapper.Row(null, draft.event(), draft.service(),
        draft.group(), draft.minPriority(), now, now));
    mapper.insert(row);
    targets.forEach(channel -> mapper.insertLink(row.getId(), channel));
    RuleView created = get(row.getId());
    events.publishEvent(AuditEvent.of("notification-rule.created", subject(created.id())).change(null, created));
    return created;
  }

  @Transactional
  public RuleView update(long id, RuleDraft draft) {
    RuleMapper.Row existing = row(id);
    List<Long> targets = checked(draft);
    RuleView before = get(id);
    mapper.update(new RuleMapper.Row(id, draft.event(), draft.service(), draft.group(), draft.minPriority(),
        existing.createdAt(), now()));
    mapper.deleteLinks(id);
    targets.forEach(channel -> mapper.insertLink(id, channel));
    RuleView after = get(id);
    events.publishEvent(AuditEvent.of("notification-rule.updated", subject(id)).change(before, after));
    return after;
  }

  @Transactional
  public void delete(long id) {
    RuleView before = get(id);
    mapper.deleteLinks(id);
    mapper.delete(id);
    events.publishEvent(AuditEvent.of("notification-rule.deleted", subject(id)).change(before, null));
  }

  private List<Long> checked(RuleDraft draft) {
    if (NoticeEvent.fromCode(draft.event()).filter(event -> event != NoticeEvent.TEST).isEmpty()) {
      throw Refusal.invalid("event must be one of: " + NoticeEvent.ruleCodes() + " (not '" + draft.event()
          + "').");
    }
    if (draft.service() != null && catalog.find(draft.service()).isEmpty()) {
      throw Refusal.invalid("service '" + draft.service() + "' is not in the catalog; leave it out to match"
          + " every service.");
    }
    if (draft.group() != null && !directory.groupExists(draft.group())) {
      throw Refusal.invalid("group '" + draft.group() + "' is not a group in OpsFlow; leave it out to match"
          + " every group.");
    }
    List<Long> targets = List.copyOf(new LinkedHashSet<>(draft.channels()));
    List<String> unknown = targets.stream().filter(id -> channels.find(id) == null).map(String::valueOf).toList();
    if (!unknown.isEmpty()) {
      throw Refusal.invalid("channels names channels that do not exist: " + String.join(", ", unknown)
          + "; GET /api/notification-channels lists them.");
    }
    return targets;
  }

  private static RuleView view(RuleMapper.Row row, List<RuleMapper.Link> links) {
    return new RuleView(row.ruleId(), row.event(), row.serviceKey(), row.groupId(), row.minPriority(),
        links.stream().filter(link -> link.ruleId() == row.ruleId()).map(RuleMapper.Link::channelId).toList(),
        row.createdAt(), row.updatedAt());
  }

  private RuleMapper.Row row(long id) {
    RuleMapper.Row row = mapper.find(id);
    if (row == null) {
      throw Refusal.notFound("No notification rule " + id + "; GET /api/notification-rules lists them.");
    }
    return row;
  }

  private static String subject(long id) {
    return "notification-rule-" + id;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
