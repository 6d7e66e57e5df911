package io.opsflow.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.platform.BusinessKeys;
import io.opsflow.platform.Texts;
import io.opsflow.security.Groups;

/**
 * The incident records: the one place that writes incidents, their alerts and their timeline.
 * Other modules and the process steps go through this class.
 */
@Component
public class Incidents {

  public static final String PROCESS_KEY = "incident-response";
  static final String KEY_PREFIX = "INC";

  private final IncidentMapper mapper;
  private final ServiceCatalog catalog;
  private final BusinessKeys keys;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Incidents(IncidentMapper mapper, ServiceCatalog catalog, BusinessKeys keys, RuntimeService runtimeService,
      ApplicationEventPublisher events, Clock clock) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.keys = keys;
    this.runtimeService = runtimeService;
    this.events = events;
    this.clock = clock;
  }

  /** Records a new incident and starts its incident-response process. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Incident open(IncidentReport report) {
    Incident incident = register(report);
    start(incident);
    return incident;
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
    Instant now = now();
    Incident incident = new Incident(keys.next(KEY_PREFIX), report.title().strip(), blankToNull(report.description()),
        service.map(Service::key).orElse(null), reported, service.isEmpty(),
        service.map(Service::onCallGroup).orElse(Groups.OPS), report.impact(), report.urgency(),
        null, null, null, null, null, report.source(), report.reportedBy(), Incident.OPEN, false, null, null,
        now, null, null, null, null, null, null, null, false, false, false);
    mapper.insert(incident);
    String via = switch (report.source()) {
      case "alertmanager" -> "from an Alertmanager alert";
      case "tasklist" -> "in Tasklist";
      case "change" -> "for a failed deployment";
      default -> "through the API";
    };
    addEntry(incident.incidentKey(), "opened", report.reportedBy(), "Opened " + via + " for " + incident.serviceLabel()
        + (incident.unknownService() ? ": the service is not in the catalog, so the incident goes to ops" : "")
        + " (impact " + report.impact() + ", urgency " + report.urgency() + ")");
    events.publishEvent(new IncidentOpened(incident.incidentKey(), incident.serviceKey()));
    return mapper.find(incident.incidentKey());
  }

  /** The process variables every incident-response instance starts with. */
  static Map<String, Object> startVariables(Incident incident) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(IncidentVariables.INCIDENT_KEY, incident.incidentKey());
    variables.put(IncidentVariables.TITLE, incident.title());
    variables.put(IncidentVariables.DESCRIPTION, incident.description() == null ? ""
        : Texts.forVariable(incident.description(), wholeAt(incident.incidentKey())));
    variables.put(IncidentVariables.SERVICE, incident.serviceLabel());
    variables.put(IncidentVariables.SERVICE_KEY, incident.serviceKey());
    variables.put(IncidentVariables.ON_CALL_GROUP, incident.onCallGroup());
    variables.put(IncidentVariables.IMPACT, incident.impact());
    variables.put(IncidentVariables.URGENCY, incident.urgency());
    variables.put(IncidentVariables.REPORTER, incident.reportedBy());
    variables.put(IncidentVariables.PRIORITY_OVERRIDE, null);
    variables.put(IncidentVariables.MAJOR, false);
    variables.put(IncidentVariables.RESOLVE_ESCALATED, false);
    variables.put(IncidentVariables.ALERTS_SUMMARY, "");
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

  public List<Incident> list(String state, String service, int limit) {
    return mapper.list(state, service, limit);
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
        ? "Priority " + decision.priority() + " (impact " + incident.impact() + ", urgency " + incident.urgency() + ")"
        : "Priority changed from " + incident.priority() + " to " + decision.priority() + ": " + reason;
    addEntry(key, "priority", actor, message + "; acknowledge by " + Texts.TIME.format(ackDue) + ", resolve by "
        + Texts.TIME.format(resolveDue));
    return mapper.find(key);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void acknowledge(String key, String by, String diagnosisGroup, boolean major) {
    Incident incident = mapper.lock(key);
    Instant at = incident.acknowledgedAt() == null ? now() : incident.acknowledgedAt();
    String acknowledgedBy = incident.acknowledgedBy() == null ? by : incident.acknowledgedBy();
    mapper.acknowledge(key, Incident.ACKNOWLEDGED, at, acknowledgedBy, diagnosisGroup, major);
    addEntry(key, "acknowledged", by, "Acknowledged after " + human(Duration.between(incident.openedAt(), at))
        + "; diagnosis goes to " + diagnosisGroup + (major ? "; declared a major incident" : ""));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void resolve(String key, String by, String summary) {
    mapper.lock(key);
    mapper.resolve(key, Incident.RESOLVED, now(), by, summary);
    addEntry(key, "mitigated", by, "Mitigated: " + summary);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void verificationFailed(String key, String by, String note) {
    mapper.lock(key);
    mapper.setState(key, Incident.ACKNOWLEDGED);
    addEntry(key, "reopened", by, "Verification failed, diagnosis reopened: " + note);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void closeByAlerts(String key, String by, String note) {
    Incident incident = mapper.lock(key);
    Instant recovered = mapper.alerts(key).stream().map(IncidentAlert::endsAt)
        .filter(end -> end != null && !end.isBefore(incident.openedAt()))
        .max(Instant::compareTo).orElse(now());
    Instant now = now();
    if (incident.acknowledgedAt() == null) {
      mapper.acknowledge(key, Incident.ACKNOWLEDGED, now, by, incident.diagnosisGroup(), incident.major());
    }
    String summary = "All alerts resolved" + (note == null || note.isBlank() ? "" : ": " + note.strip());
    mapper.resolve(key, Incident.RESOLVED, recovered, by, summary);
    addEntry(key, "closure-confirmed", by, "Closure confirmed after all alerts resolved"
        + (note == null || note.isBlank() ? "" : ": " + note.strip()));
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
    addEntry(key, "closed", "opsflow", "Closed. Time to acknowledge " + human(Duration.ofSeconds(toAcknowledge))
        + (ackBreached ? " (SLA missed)" : " (within SLA)") + ", time to resolve " + human(Duration.ofSeconds(toResolve))
        + (resolveBreached ? " (SLA missed)" : " (within SLA)"));
    return mapper.find(key);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void slaBreached(String key, Sla sla) {
    mapper.lock(key);
    if (sla == Sla.ACKNOWLEDGE) {
      mapper.markAckSlaBreached(key);
    } else {
      mapper.markResolveSlaBreached(key);
    }
    addEntry(key, "sla-breached", "opsflow", "The " + sla.label() + " SLA is breached");
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void retrospectiveDue(String key) {
    mapper.markRetrospectiveDue(key);
    addEntry(key, "retrospective-due", "opsflow", "A post-launch retrospective is due for this incident");
  }

  public void addEntry(String key, String kind, String actor, String message) {
    mapper.addEntry(key, now(), kind, actor == null ? "opsflow" : actor, Texts.clip(message, 2000));
  }

  /** A readable list of the incident's alerts for the task forms. */
  public String alertsSummary(String key) {
    return Texts.forVariable(mapper.alerts(key).stream()
        .map(alert -> (alert.firing() ? "FIRING   " : "RESOLVED ") + alert.alertName()
            + (alert.summary() == null ? "" : ": " + alert.summary())
            + " (seen " + alert.occurrences() + "x, last " + Texts.TIME.format(alert.lastSeenAt())
            + (alert.endsAt() != null && !alert.firing() ? ", resolved " + Texts.TIME.format(alert.endsAt()) : "") + ")")
        .collect(Collectors.joining("\n")), wholeAt(key));
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

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static String format(Instant instant) {
    return instant == null ? "" : Texts.TIME.format(instant);
  }

  static String human(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes < 1) {
      return duration.toSeconds() + "s";
    }
    if (minutes < 120) {
      return minutes + " min";
    }
    return (minutes / 60) + " h " + (minutes % 60) + " min";
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
