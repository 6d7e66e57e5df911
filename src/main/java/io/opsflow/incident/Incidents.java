package io.opsflow.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.incident.persistence.IncidentMapper;
import io.opsflow.incident.steps.IncidentVariables;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.process.FormCheck;
import io.opsflow.kernel.text.Reader;
import io.opsflow.kernel.text.Texts;
import io.opsflow.security.Groups;
import io.opsflow.security.Visibility;

/**
 * The incident records: the one place that writes incidents, their alerts and their timeline.
 * Other modules and the process steps go through this class.
 */
@Component
public class Incidents {

  public static final String PROCESS_KEY = "incident-response";
  static final String KEY_PREFIX = "INC";
  private static final Phrases PHRASES = Phrases.of("incident");
  private static final Pattern KEY = Pattern.compile(KEY_PREFIX + "-\\d{4}-\\d+");

  private final IncidentMapper mapper;
  private final ServiceCatalog catalog;
  private final BusinessKeys keys;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final Visibility visibility;
  private final Clock clock;
  private final Installation installation;

  Incidents(IncidentMapper mapper, ServiceCatalog catalog, BusinessKeys keys, RuntimeService runtimeService,
      ApplicationEventPublisher events, Visibility visibility, Clock clock, Installation installation) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.keys = keys;
    this.runtimeService = runtimeService;
    this.events = events;
    this.visibility = visibility;
    this.clock = clock;
    this.installation = installation;
  }

  /** Records a new incident and starts its incident-response process. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Incident open(IncidentReport report) {
    Incident incident = register(report);
    start(incident);
    return incident;
  }

  /**
   * Opens the incident unless an open incident already holds the dedup key, the way repeated alerts
   * with one fingerprint share one incident: the key is claimed in the same table, so two nodes
   * asking at the same moment open one, and closing the incident frees the key.
   *
   * @param dedupKey at most 128 characters, e.g. {@code feedback-spike:payments-api}
   * @return the incident opened now, or empty when an open incident holds the key
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Incident> openOnce(String dedupKey, IncidentReport report) {
    if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 128) {
      throw new IllegalArgumentException("a dedup key needs 1-128 characters, not '" + dedupKey + "'");
    }
    if (mapper.claimant(dedupKey) != null) {
      return Optional.empty();
    }
    try {
      mapper.claim(dedupKey);
    } catch (DuplicateKeyException claimedConcurrently) {
      return Optional.empty();
    }
    Incident incident = register(report);
    mapper.assignClaim(dedupKey, incident.incidentKey());
    start(incident);
    return Optional.of(incident);
  }

  /**
   * The open incident that holds a dedup key of {@link #openOnce}, if any: where what keeps arriving
   * about the same trouble belongs while that incident is open.
   */
  public Optional<String> holding(String dedupKey) {
    return Optional.ofNullable(mapper.claimant(dedupKey));
  }

  /** Starts the incident-response process of a recorded incident (business key = incident key). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void start(Incident incident) {
    Map<String, Object> variables = startVariables(incident);
    variables.put(IncidentVariables.ALERTS_SUMMARY, alertsSummary(incident.incidentKey()));
    runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(incident.incidentKey())
        .setVariables(variables)
        .execute();
  }

  /** Records a new incident; the caller starts (or already runs) its process. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Incident register(IncidentReport report) {
    List<String> problems = report.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Optional<Service> service = Optional.ofNullable(blankToNull(report.service())).flatMap(catalog::find);
    String reported = service.isPresent() ? null : blankToNull(report.service());
    IncidentCategory category = report.categoryOrNull();
    String key = keys.next(KEY_PREFIX);
    mapper.insert(new IncidentMapper.NewIncident(key, report.title().strip(), blankToNull(report.description()),
        service.map(Service::key).orElse(null), reported, service.map(Service::onCallGroup).orElse(Groups.OPS),
        report.impactLevel(), report.urgencyLevel(), report.source(), report.reportedBy(), IncidentState.OPEN, now(),
        category, visibility.restricts(Codes.codeOf(category))));
    Incident incident = mapper.find(key);
    addEntry(incident.incidentKey(), "opened", report.reportedBy(), say("timeline.opened",
        "via", say("via." + report.source().code()), "service", incident.serviceLabel(installation.reader()),
        "unknown", incident.unknownService() ? say("opened.unknown-service") : null,
        "impact", incident.impact(), "urgency", incident.urgency(), "category", incident.category(),
        "restricted", incident.restricted() ? say("opened.restricted") : null));
    events.publishEvent(new IncidentOpened(incident.incidentKey(), incident.serviceKey(), incident.source(),
        incident.restricted()));
    return incident;
  }

  /** The process variables every incident-response instance starts with. */
  public Map<String, Object> startVariables(Incident incident) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(IncidentVariables.INCIDENT_KEY, incident.incidentKey());
    variables.put(IncidentVariables.TITLE, incident.title());
    variables.put(IncidentVariables.DESCRIPTION, incident.description() == null ? ""
        : Texts.forVariable(incident.description(), wholeAt(incident.incidentKey()), installation.spoken()));
    variables.put(IncidentVariables.SERVICE, incident.serviceLabel(installation.reader()));
    variables.put(IncidentVariables.SERVICE_KEY, incident.serviceKey());
    variables.put(IncidentVariables.ON_CALL_GROUP, incident.onCallGroup());
    variables.put(IncidentVariables.IMPACT, incident.impact().code());
    variables.put(IncidentVariables.URGENCY, incident.urgency().code());
    variables.put(IncidentVariables.REPORTER, incident.reportedBy());
    variables.put(IncidentVariables.PRIORITY_OVERRIDE, null);
    variables.put(IncidentVariables.MAJOR, false);
    variables.put(IncidentVariables.RESOLVE_ESCALATED, false);
    variables.put(IncidentVariables.ALERTS_SUMMARY, "");
    variables.put(IncidentVariables.CATEGORY, Codes.codeOf(incident.category()));
    return variables;
  }

  /** The incident with exactly this key (the database would also match it with trailing spaces). */
  public Optional<Incident> find(String key) {
    return Optional.ofNullable(key == null ? null : mapper.find(key)).filter(found -> found.incidentKey().equals(key));
  }

  public Optional<IncidentDetails> details(String key) {
    return find(key).map(this::details);
  }

  private IncidentDetails details(Incident incident) {
    return new IncidentDetails(incident, mapper.alerts(incident.incidentKey()), mapper.timeline(incident.incidentKey()));
  }

  /**
   * @param state {@code OPEN} lists every incident not closed yet, {@code CLOSED} the closed ones, null all
   * @param withRestricted whether the reader sees restricted incidents; if not, they are left out
   */
  public List<Incident> list(IncidentState state, String service, int limit, boolean withRestricted) {
    return mapper.list(state, service, limit, withRestricted);
  }

  /** The incident, if it exists and the reader may see it: a restricted one is as if it did not exist. */
  public Optional<IncidentDetails> details(String key, boolean withRestricted) {
    return find(key).filter(incident -> withRestricted || !incident.restricted()).map(this::details);
  }

  public boolean restricted(String key) {
    return key != null && find(key).map(Incident::restricted).orElse(false);
  }

  /** The keys among these that name restricted incidents. */
  public Set<String> restrictedAmong(Collection<String> keys) {
    return keys.isEmpty() ? new HashSet<>() : new HashSet<>(mapper.restrictedAmong(keys));
  }

  /** The restricted incidents these texts name (an incident key, a timeline message). */
  public Set<String> restrictedNamedIn(Collection<String> texts) {
    return restrictedAmong(texts.stream().filter(text -> text != null)
        .flatMap(text -> KEY.matcher(text).results().map(MatchResult::group)).collect(Collectors.toSet()));
  }

  /**
   * Stores the category triage decided. When that makes the incident restricted, or no longer
   * restricted, it says so on the timeline and in the audit trail, and tells other modules
   * ({@link IncidentRestrictionChanged}) so that what the incident started follows.
   *
   * @return whether the incident's restriction changed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean classify(String key, IncidentCategory category, String actor) {
    Incident incident = mapper.lock(key);
    boolean restricted = visibility.restricts(Codes.codeOf(category));
    mapper.classify(key, category, restricted);
    if (restricted == incident.restricted()) {
      return false;
    }
    addEntry(key, "restriction", actor, say(restricted ? "timeline.restricted" : "timeline.unrestricted", "category",
        category));
    events.publishEvent(AuditEvent.of(restricted ? "incident.restricted" : "incident.unrestricted", key).by(actor)
        .change(classification(incident.category(), incident.restricted()), classification(category, restricted)));
    events.publishEvent(new IncidentRestrictionChanged(key, restricted));
    return true;
  }

  /** The first {@code limit} incidents opened on the service in [from, to), with their alerts and timelines. */
  public List<IncidentDetails> onServiceBetween(String serviceKey, Instant from, Instant to, int limit) {
    return mapper.onServiceBetween(serviceKey, from, to, limit).stream().map(this::details).toList();
  }

  public List<IncidentAlert> alerts(String key) {
    return mapper.alerts(key);
  }

  /** Stores the priority and SLA targets; the due dates count from the moment the incident opened. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Incident setPriority(String key, PriorityDecision decision, String actor, String reason) {
    Incident incident = mapper.lock(key);
    Instant ackDue = incident.openedAt().plus(decision.ackSlaMinutes(), ChronoUnit.MINUTES);
    Instant resolveDue = incident.openedAt().plus(decision.resolveSlaMinutes(), ChronoUnit.MINUTES);
    mapper.updatePriority(key, decision.priority(), decision.ackSlaMinutes(), decision.resolveSlaMinutes(), ackDue, resolveDue);
    String message = incident.priority() == null
        ? say("timeline.priority", "priority", decision.priority(), "impact", incident.impact(), "urgency",
            incident.urgency(), "ackDue", ackDue, "resolveDue", resolveDue)
        : say("timeline.priority-changed", "from", incident.priority(), "priority", decision.priority(), "reason",
            reason, "ackDue", ackDue, "resolveDue", resolveDue);
    if (incident.priority() != null) {
      events.publishEvent(AuditEvent.of("incident.priority-overridden", key).by(actor).details(reason)
          .change(Map.of("priority", incident.priority().code()), Map.of("priority", decision.priority().code())));
    }
    addEntry(key, "priority", actor, message);
    return mapper.find(key);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void acknowledge(String key, String by, String diagnosisGroup, boolean major) {
    Incident incident = mapper.lock(key);
    Instant at = incident.acknowledgedAt() == null ? now() : incident.acknowledgedAt();
    String acknowledgedBy = incident.acknowledgedBy() == null ? by : incident.acknowledgedBy();
    mapper.acknowledge(key, IncidentState.ACKNOWLEDGED, at, acknowledgedBy, diagnosisGroup, major);
    addEntry(key, "acknowledged", by, say("timeline.acknowledged", "after", human(Duration.between(incident.openedAt(), at)),
        "group", diagnosisGroup, "major", major ? say("acknowledged.major") : null));
  }

  /**
   * Someone claimed the triage task: that is the acknowledgement the escalation waits for, so the
   * first claim sets the time and person to acknowledge (triage keeps them; unclaiming undoes nothing).
   *
   * @return whether this claim was the acknowledgement (false when the incident was acknowledged before)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean claimed(String key, String by) {
    Incident incident = mapper.lock(key);
    if (incident.acknowledgedAt() != null) {
      return false;
    }
    Instant at = now();
    mapper.acknowledge(key, IncidentState.ACKNOWLEDGED, at, by, incident.diagnosisGroup(), incident.major());
    addEntry(key, "claimed", by, say("timeline.claimed", "after", human(Duration.between(incident.openedAt(), at)), "by",
        by));
    return true;
  }

  /** The incident-major decision found the incident major: an emergency plan runs alongside the diagnosis. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void markMajor(String key) {
    Incident incident = mapper.lock(key);
    mapper.markMajor(key);
    addEntry(key, "major", incident.acknowledgedBy(), say("timeline.major", "category", incident.category()));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void resolve(String key, String by, String summary) {
    mapper.lock(key);
    mapper.resolve(key, IncidentState.RESOLVED, now(), by, summary);
    addEntry(key, "mitigated", by, say("timeline.mitigated", "summary", summary));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void verificationFailed(String key, String by, String note) {
    mapper.lock(key);
    mapper.setState(key, IncidentState.ACKNOWLEDGED);
    addEntry(key, "reopened", by, say("timeline.reopened", "note", note));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void closeByAlerts(String key, String by, String note) {
    Incident incident = mapper.lock(key);
    Instant recovered = mapper.alerts(key).stream().map(IncidentAlert::endsAt)
        .filter(end -> end != null && !end.isBefore(incident.openedAt()))
        .max(Instant::compareTo).orElse(now());
    Instant now = now();
    if (incident.acknowledgedAt() == null) {
      mapper.acknowledge(key, IncidentState.ACKNOWLEDGED, now, by, incident.diagnosisGroup(), incident.major());
    }
    String stated = note == null || note.isBlank() ? null : note.strip();
    mapper.resolve(key, IncidentState.RESOLVED, recovered, by, say("resolution.alerts-resolved", "note", stated));
    addEntry(key, "closure-confirmed", by, say("timeline.closure-confirmed", "note", stated));
  }

  /** Closes the incident: stores the times to acknowledge and resolve and frees its fingerprints. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Incident close(String key) {
    Incident incident = mapper.lock(key);
    Instant now = now();
    Instant acknowledged = incident.acknowledgedAt() == null ? now : incident.acknowledgedAt();
    Instant resolved = incident.resolvedAt() == null ? now : incident.resolvedAt();
    long toAcknowledge = Duration.between(incident.openedAt(), acknowledged).toSeconds();
    long toResolve = Duration.between(incident.openedAt(), resolved).toSeconds();
    boolean ackBreached = incident.ackDueAt() != null && acknowledged.isAfter(incident.ackDueAt());
    boolean resolveBreached = incident.resolveDueAt() != null && resolved.isAfter(incident.resolveDueAt());
    mapper.close(key, now, toAcknowledge, toResolve, ackBreached, resolveBreached);
    mapper.releaseClaims(key);
    addEntry(key, "closed", "opsflow", say("timeline.closed", "toAcknowledge", human(Duration.ofSeconds(toAcknowledge)),
        "ackSla", say(ackBreached ? "sla.missed" : "sla.held"), "toResolve", human(Duration.ofSeconds(toResolve)),
        "resolveSla", say(resolveBreached ? "sla.missed" : "sla.held")));
    events.publishEvent(new IncidentClosed(key, incident.serviceKey(), incident.priority(), ackBreached, resolveBreached,
        incident.restricted()));
    return mapper.find(key);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void slaBreached(String key, Sla sla) {
    Incident incident = mapper.lock(key);
    if (sla == Sla.ACKNOWLEDGE) {
      mapper.markAckSlaBreached(key);
    } else {
      mapper.markResolveSlaBreached(key);
    }
    addEntry(key, "sla-breached", "opsflow", say("timeline.sla-breached", "sla", sla));
    events.publishEvent(new IncidentSlaBreached(key, incident.serviceKey(), incident.priority(), sla,
        incident.restricted()));
  }

  /** The incidents not closed yet, counted by priority, service and restriction (one small query). */
  public List<OpenIncidents> openCounts() {
    return mapper.openCounts();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void retrospectiveDue(String key) {
    mapper.markRetrospectiveDue(key);
    addEntry(key, "retrospective-due", "opsflow", say("timeline.retrospective-due"));
  }

  /**
   * Records an escalation (the next on-call level paged, or the work widened to managers): the
   * timeline entry, and the incident's {@code escalated} flag that the figures count.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void escalated(String key, String message) {
    mapper.markEscalated(key);
    addEntry(key, "escalated", "opsflow", message);
  }

  /** The on-call person paged first, on the timeline in the installation's language. */
  public void onCallNotified(String key, String person, String group, String policy) {
    addEntry(key, "notified", "opsflow", say("timeline.notified", "person", person, "group", group, "policy",
        "built-in".equals(policy) ? say("policy.built-in") : policy));
  }

  public void addEntry(String key, String kind, String actor, String message) {
    mapper.addEntry(key, now(), kind, actor == null ? "opsflow" : actor, Texts.clip(message, 2000));
  }

  private static Map<String, Object> classification(IncidentCategory category, boolean restricted) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("category", Codes.codeOf(category));
    state.put("restricted", restricted);
    return state;
  }

  /** A readable list of the incident's alerts for the task forms. */
  public String alertsSummary(String key) {
    return Texts.forVariable(mapper.alerts(key).stream()
        .map(alert -> say("alert.line", "state", say(alert.firing() ? "alert.firing" : "alert.resolved"), "alert",
            alert.alertName(), "summary", alert.summary(), "count", alert.occurrences(), "lastSeen", alert.lastSeenAt(),
            "resolved", alert.endsAt() != null && !alert.firing() ? alert.endsAt() : null))
        .collect(Collectors.joining("\n")), wholeAt(key), installation.spoken());
  }

  /** Where people read an incident whole, for the texts that forms show clipped. */
  static String wholeAt(String key) {
    return "GET /api/incidents/" + key;
  }

  /** The running incident-response instance of an incident, if there is one. */
  public Optional<ProcessInstance> process(String key) {
    return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).singleResult());
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** A time as people read it ({@link Installation#time}), "" for none. */
  /**
   * What incident-response's steps write for people (timeline entries, their forms' facts) in the
   * installation's language, from {@code texts/incident_*.properties} ({@link Phrases#say}).
   */
  public String say(String key, Object... namesAndValues) {
    return PHRASES.say(installation.reader(), key, namesAndValues);
  }

  /** A check of a form's input that refuses in the installation's language ({@link FormCheck#in}). */
  public FormCheck formCheck(String actionKey) {
    return FormCheck.in(installation.reader(), PHRASES, actionKey);
  }

  /** The incident's service as the installation's people read it ({@link Incident#serviceLabel(Reader)}). */
  public String serviceLabel(Incident incident) {
    return incident.serviceLabel(installation.reader());
  }

  public String format(Instant instant) {
    return instant == null ? "" : installation.time(instant);
  }

  /** A duration as people say it, in the installation's language: {@code 45s}, {@code 12 min}, {@code 2 h 5 min}. */
  public String human(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes < 1) {
      return say("duration.seconds", "seconds", duration.toSeconds());
    }
    if (minutes < 120) {
      return say("duration.minutes", "minutes", minutes);
    }
    return say("duration.hours", "hours", minutes / 60, "minutes", minutes % 60);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
