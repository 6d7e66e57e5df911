package io.opsflow.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.change.persistence.ChangeInsert;
import io.opsflow.change.persistence.ChangeMapper;
import io.opsflow.change.steps.ChangeProperties;
import io.opsflow.change.steps.ChangeVariables;
import io.opsflow.feedback.Feedback;
import io.opsflow.feedback.ReleaseComparison;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.kernel.text.Texts;
import io.opsflow.security.Directory;

/** The change records: the one place that writes changes, approvals, gates and freeze windows. */
@Component
public class Changes {

  public static final String PROCESS_KEY = "change-release";
  static final String KEY_PREFIX = "CHG";
  private static final Phrases PHRASES = Phrases.of("change");
  static final String MESSAGE_DEPLOYMENT_REPORTED = "DeploymentReported";
  static final int GATE_REASON_MAX = 2000;
  /** A pipeline's clock may run a little ahead of OpsFlow's. */
  static final Duration COMMIT_CLOCK_SKEW = Duration.ofMinutes(5);
  /** A commit older than this is a wrong date, not a slow change (it would distort the change lead time). */
  static final Duration COMMIT_MAX_AGE = Duration.ofDays(365);

  private final ChangeMapper mapper;
  private final ServiceCatalog catalog;
  private final Directory directory;
  private final BusinessKeys keys;
  private final RuntimeService runtimeService;
  private final ChangeProperties properties;
  private final Incidents incidents;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Feedback feedback;
  private final Decisions decisions;
  private final Installation installation;

  Changes(ChangeMapper mapper, ServiceCatalog catalog, Directory directory, BusinessKeys keys,
      RuntimeService runtimeService, ChangeProperties properties, Incidents incidents, ApplicationEventPublisher events,
      Clock clock, Feedback feedback, Decisions decisions, Installation installation) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.directory = directory;
    this.keys = keys;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.incidents = incidents;
    this.events = events;
    this.clock = clock;
    this.feedback = feedback;
    this.decisions = decisions;
    this.installation = installation;
  }

  /** Everything wrong with a submission, including references that do not exist. */
  public List<String> problems(ChangeSubmission submission) {
    List<String> problems = submission.problems();
    if (submission.service() != null && !submission.service().isBlank() && catalog.find(submission.service()).isEmpty()) {
      problems.add("service '" + submission.service() + "' is not in the catalog");
    }
    if (submission.requestedBy() != null && !directory.userExists(submission.requestedBy())) {
      problems.add("requestedBy '" + submission.requestedBy() + "' is not an OpsFlow user");
    }
    Instant committed = submission.committedAt();
    if (committed != null && committed.isAfter(now().plus(COMMIT_CLOCK_SKEW))) {
      problems.add("committedAt must not be in the future (OpsFlow's clock says " + installation.time(now()) + ")");
    }
    if (committed != null && committed.isBefore(now().minus(COMMIT_MAX_AGE))) {
      problems.add("committedAt must lie within the last " + COMMIT_MAX_AGE.toDays() + " days");
    }
    if (submission.fixesIncident() != null && !submission.fixesIncident().isBlank()
        && incidents.find(submission.fixesIncident()).isEmpty()) {
      problems.add("fixesIncident '" + submission.fixesIncident() + "' is not an incident");
    }
    return problems;
  }

  /** Records a change and starts its change-release process. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Change request(ChangeSubmission submission) {
    Change change = register(submission);
    runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(change.changeKey())
        .setVariables(startVariables(change))
        .execute();
    return mapper.find(change.changeKey());
  }

  /** Records a change; the caller starts (or already runs) its process. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Change register(ChangeSubmission submission) {
    List<String> problems = problems(submission);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid change: " + String.join("; ", problems) + ".");
    }
    admit(submission.service());
    ChangeInsert change = new ChangeInsert(keys.next(KEY_PREFIX), submission.service(), submission.version().strip(),
        submission.title().strip(), submission.changeType(), submission.testsFailed(), submission.hasDbMigration(),
        submission.plannedStart(), submission.commitSha(), submission.pipelineUrl(), submission.requestedBy(),
        submission.requestedVia(), submission.idempotencyKey(), submission.requestHash(), ChangeState.AWAITING_APPROVAL,
        GateStatus.PENDING, now(), submission.committedAt() == null ? null
            : submission.committedAt().truncatedTo(ChronoUnit.MILLIS), blankToNull(submission.fixesIncident()));
    mapper.insert(change);
    addEntry(change.changeKey(), "requested", submission.requestedVia(), say("timeline.requested",
        "type", submission.changeType(), "service", submission.service(), "version", change.version(),
        "requestedFor", submission.requestedBy().equals(submission.requestedVia()) ? null : submission.requestedBy(),
        "plannedStart", submission.plannedStart()));
    return mapper.find(change.changeKey());
  }

  /** Whether the service's lifecycle takes a change now: the {@code change-admission} decision's (a retired one does not). */
  private void admit(String serviceKey) {
    Map<String, Object> lifecycle = new HashMap<>();
    lifecycle.put("serviceLifecycle", catalog.get(serviceKey).lifecycle().state().code());
    Map<String, Object> admission = decisions.single("change-admission", lifecycle);
    if (!Boolean.TRUE.equals(admission.get("allowed"))) {
      throw Refusal.conflict("No change of " + serviceKey + " can be requested: " + admission.get("refusal") + ".");
    }
  }

  public Map<String, Object> startVariables(Change change) {
    Service service = catalog.get(change.serviceKey());
    Map<String, Object> variables = new HashMap<>();
    variables.put(ChangeVariables.CHANGE_KEY, change.changeKey());
    variables.put(ChangeVariables.SERVICE, change.serviceKey());
    variables.put(ChangeVariables.SERVICE_TIER, service.tier());
    variables.put(ChangeVariables.TITLE, change.title());
    variables.put(ChangeVariables.VERSION, change.version());
    variables.put(ChangeVariables.CHANGE_TYPE, change.changeType().code());
    variables.put(ChangeVariables.TESTS_FAILED, change.testsFailed());
    variables.put(ChangeVariables.HAS_DB_MIGRATION, change.hasDbMigration());
    variables.put(ChangeVariables.PLANNED_START, change.plannedStart() == null ? null : java.util.Date.from(change.plannedStart()));
    variables.put(ChangeVariables.REQUESTER, change.requestedBy());
    variables.put(ChangeVariables.CHANGE_REJECTED, false);
    variables.put(ChangeVariables.ROLL_BACK_DUE_AT, null);
    return variables;
  }

  /** The change with exactly this key (the database would also match it with trailing spaces). */
  public Optional<Change> find(String key) {
    return Optional.ofNullable(key == null ? null : mapper.find(key)).filter(found -> found.changeKey().equals(key));
  }

  public Change get(String key) {
    return find(key).orElseThrow(() -> Refusal.notFound("No change '" + key + "'."));
  }

  public Optional<Change> findByIdempotencyKey(String via, String idempotencyKey) {
    return Optional.ofNullable(mapper.findByIdempotencyKey(via, idempotencyKey));
  }

  public Optional<ChangeDetails> details(String key) {
    return find(key).map(this::details);
  }

  private ChangeDetails details(Change change) {
    return new ChangeDetails(change, mapper.approvals(change.changeKey()), mapper.timeline(change.changeKey()),
        releaseFeedback(change));
  }

  /**
   * The feedback on the change's version against the version before it: the version of the
   * service's previous successful change, or else the latest other version users named before the
   * change was asked for.
   */
  private ReleaseComparison releaseFeedback(Change change) {
    String previous = mapper.previousSucceededVersion(change.serviceKey(), change.version(), change.changeKey(),
        change.createdAt());
    return feedback.compare(change.serviceKey(), change.version(), previous, change.createdAt());
  }

  /**
   * The change as a reader sees it who may not read restricted incidents: it names none, neither
   * as its incident nor on its timeline.
   */
  public Optional<ChangeDetails> details(String key, boolean withRestricted) {
    return details(key).map(details -> withRestricted ? details : withoutRestrictedIncidents(details));
  }

  private ChangeDetails withoutRestrictedIncidents(ChangeDetails details) {
    List<String> texts = new ArrayList<>();
    texts.add(details.change().incidentKey());
    texts.add(details.change().fixesIncident());
    details.timeline().forEach(entry -> texts.add(entry.message()));
    Set<String> hidden = incidents.restrictedNamedIn(texts);
    if (hidden.isEmpty()) {
      return details;
    }
    return new ChangeDetails(details.change().withoutIncidents(hidden), details.approvals(), details.timeline().stream()
        .filter(entry -> hidden.stream().noneMatch(entry.message()::contains)).toList(), details.feedback());
  }

  /** @param withRestricted whether the reader reads restricted incidents; if not, no change names one */
  public List<Change> list(String state, String service, int limit, boolean withRestricted) {
    List<Change> all = mapper.list(state, service, limit);
    if (withRestricted) {
      return all;
    }
    Set<String> hidden = incidents.restrictedAmong(all.stream()
        .flatMap(change -> Stream.of(change.incidentKey(), change.fixesIncident()))
        .filter(key -> key != null).toList());
    return hidden.isEmpty() ? all : all.stream().map(change -> change.withoutIncidents(hidden)).toList();
  }

  /** The first {@code limit} changes requested for the service in [from, to). */
  public List<ChangeDetails> onServiceBetween(String serviceKey, Instant from, Instant to, int limit) {
    return mapper.onServiceBetween(serviceKey, from, to, limit).stream().map(this::details).toList();
  }

  /** The first {@code limit} versions of the service deployed successfully in [from, to), in deployment order. */
  public List<Release> releasedBetween(String serviceKey, Instant from, Instant to, int limit) {
    return mapper.releasedBetween(serviceKey, from, to, limit);
  }

  /** The change whose failed deployment opened this incident, if any. */
  public Optional<ChangeDetails> linkedTo(String incidentKey) {
    return mapper.linkedTo(incidentKey).stream().findFirst().map(this::details);
  }

  public Gate gate(String key) {
    Change change = get(key);
    return new Gate(key, change.gateStatus(), change.gateReason());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void setRisk(String key, ChangeRisk risk, ApprovalRoute route, int verificationMinutes) {
    mapper.setRisk(key, risk, route, verificationMinutes);
    addEntry(key, "risk", "opsflow", say("timeline.risk", "risk", risk, "route", route, "minutes", verificationMinutes));
  }

  /** The freeze window a non-emergency change would fall into, if any. */
  public Optional<FreezeWindow> freezeWindowFor(Change change) {
    return change.changeType() == ChangeType.EMERGENCY ? Optional.empty() : freezeWindowCovering(change);
  }

  private Optional<FreezeWindow> freezeWindowCovering(Change change) {
    Instant start = start(change);
    return mapper.freezeWindowsEndingAfter(start).stream()
        .filter(window -> window.covers(change.serviceKey(), start)).findFirst();
  }

  /** Other open changes on the same service, or on one it depends on, whose windows overlap this one's. */
  public List<Change> conflictsOf(Change change) {
    Set<String> services = new LinkedHashSet<>();
    services.add(change.serviceKey());
    services.addAll(catalog.transitiveDependenciesOf(change.serviceKey()));
    Instant start = start(change);
    Instant end = start.plus(properties.window());
    return mapper.openChangesOn(services, change.changeKey()).stream()
        .filter(other -> start(other).isBefore(end) && start.isBefore(start(other).plus(properties.window())))
        .toList();
  }

  /** Stores the overlapping changes, one per line (as many as the column holds), and returns the text. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String recordConflicts(String key, List<Change> conflicts) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < conflicts.size(); i++) {
      Change other = conflicts.get(i);
      String line = say("conflict", "change", other.changeKey(), "service", other.serviceKey(), "version",
          other.version(), "state", other.state(), "start", start(other));
      if (text.length() + line.length() > Texts.TEXT_COLUMN_MAX - 100) {
        text.append(say("conflicts.more", "count", conflicts.size() - i));
        break;
      }
      text.append(text.isEmpty() ? "" : "\n").append(line);
    }
    mapper.setConflicts(key, text.isEmpty() ? null : text.toString());
    if (!conflicts.isEmpty()) {
      addEntry(key, "conflicts", "opsflow", say("timeline.conflicts", "changes",
          conflicts.stream().map(Change::changeKey).toList()));
    }
    return text.toString();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void recordApproval(String key, String group, boolean approved, String by, String comment) {
    mapper.insertApproval(new ChangeApproval(key, group, approved, by, now(), comment));
    events.publishEvent(AuditEvent.of(approved ? "change.approved" : "change.rejected", key).by(by)
        .details("For " + group + (comment == null ? "" : ": " + comment)));
    addEntry(key, approved ? "approved" : "rejected", by, say(approved ? "timeline.approved" : "timeline.rejected",
        "group", group, "comment", comment));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void reject(String key, String reason) {
    Change change = mapper.lock(key);
    Instant now = now();
    mapper.setGate(key, ChangeState.REJECTED, GateStatus.REJECTED, gateReason(reason), null);
    mapper.close(key, ChangeState.REJECTED, now);
    addEntry(key, "gate-rejected", "opsflow", say("timeline.gate-rejected", "reason", reason));
    events.publishEvent(gateDecided(change, GateStatus.REJECTED, now));
    events.publishEvent(new ChangeStopped(key, change.serviceKey(), change.changeType(), ChangeState.REJECTED));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void cancel(String key, String by, String reason) {
    Change change = mapper.lock(key);
    mapper.setGate(key, ChangeState.CANCELLED, GateStatus.CANCELLED, gateReason(reason), change.gateOpenedAt());
    mapper.close(key, ChangeState.CANCELLED, now());
    addEntry(key, "cancelled", by, say("timeline.cancelled", "reason", reason));
    events.publishEvent(new ChangeStopped(key, change.serviceKey(), change.changeType(), ChangeState.CANCELLED));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void scheduled(String key, Instant plannedStart) {
    mapper.setState(key, ChangeState.SCHEDULED);
    addEntry(key, "scheduled", "opsflow", say("timeline.scheduled", "plannedStart", plannedStart));
  }

  /** Opens the gate and returns when the deployment report is due. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Instant openGate(String key) {
    Change change = mapper.lock(key);
    Instant now = now();
    mapper.setGate(key, ChangeState.DEPLOYING, GateStatus.APPROVED, null, now);
    addEntry(key, "gate-approved", "opsflow", say("timeline.gate-approved"));
    events.publishEvent(gateDecided(change, GateStatus.APPROVED, now));
    return deploymentDeadlineAfter(now);
  }

  private static GateDecided gateDecided(Change change, GateStatus status, Instant at) {
    return new GateDecided(change.changeKey(), change.serviceKey(), change.changeType(), status,
        Duration.between(change.createdAt(), at));
  }

  public Instant deploymentDeadlineAfter(Instant from) {
    return from.plus(properties.deployTimeout());
  }

  /**
   * Records what CI reports. A repeat of the same report changes nothing; a different one, or a
   * report while the gate is not approved, is refused.
   *
   * @return true when this report is new and the process must be told
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean recordDeployment(String key, DeploymentStatus status, String url, String by) {
    Change change = mapper.lock(key);
    if (change == null) {
      throw Refusal.notFound("No change '" + key + "'.");
    }
    if (change.deploymentStatus() != null) {
      if (change.deploymentStatus() == status) {
        return false;
      }
      throw Refusal.conflict("Change " + key + " already has the deployment result '" + change.deploymentStatus().code()
          + "'; it cannot be changed to '" + status.code() + "'.");
    }
    if (change.gateStatus() != GateStatus.APPROVED) {
      throw Refusal.conflict("The gate of change " + key + " is " + change.gateStatus().code()
          + (change.gateReason() == null ? "" : " (" + change.gateReason() + ")")
          + "; deploy only once GET /api/changes/" + key + "/gate says approved.");
    }
    Instant deployedAt = now();
    mapper.setDeployment(key, status, url, deployedAt,
        status == DeploymentStatus.SUCCEEDED ? ChangeState.VERIFYING : ChangeState.ROLLING_BACK);
    addEntry(key, "deployment-" + status.code(), by, say("timeline.deployment", "status", status, "url", url));
    events.publishEvent(new DeploymentReported(key, change.serviceKey(), status, deployedAt));
    return true;
  }

  /**
   * What CI reports about a deployment (the API's, and the demo history's pipeline): records it and
   * tells the change's process. A repeat changes nothing; a report the process does not wait for is refused.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void reportDeployment(String key, DeploymentStatus status, String url, String by) {
    if (recordDeployment(key, status, url, by)) {
      boolean told = !runtimeService.createMessageCorrelation(MESSAGE_DEPLOYMENT_REPORTED)
          .processInstanceBusinessKey(key)
          .setVariable(ChangeVariables.DEPLOYMENT_STATUS, status.code())
          .setVariable(ChangeVariables.DEPLOYMENT_URL, url)
          .correlateAllWithResult().isEmpty();
      if (!told) {
        throw Refusal.conflict("Change " + key + " is not waiting for a deployment report.");
      }
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void rolledBack(String key, String by, String note) {
    Change change = mapper.lock(key);
    if (change.deploymentStatus() != DeploymentStatus.FAILED) {
      // a failed deployment stays failed; a working one taken back is rolled back
      mapper.setOutcome(key, ChangeOutcome.ROLLED_BACK);
    }
    addEntry(key, "rolled-back", by, say("timeline.rolled-back", "note", note));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void linkIncident(String key, String incidentKey) {
    mapper.linkIncident(key, incidentKey);
    addEntry(key, "incident", "opsflow", say("timeline.incident", "incident", incidentKey));
  }

  /** Closes the change with its outcome, and answers it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public ChangeOutcome close(String key) {
    Change change = mapper.lock(key);
    ChangeOutcome outcome = change.outcome() != null ? change.outcome()
        : change.deploymentStatus() == DeploymentStatus.FAILED ? ChangeOutcome.FAILED : ChangeOutcome.SUCCEEDED;
    Instant closedAt = now();
    mapper.setOutcome(key, outcome);
    mapper.close(key, ChangeState.CLOSED, closedAt);
    addEntry(key, "closed", "opsflow", say("timeline.closed", "outcome", outcome));
    events.publishEvent(new ChangeClosed(key, change.serviceKey(), change.changeType(), change.approvalRoute(), outcome,
        change.incidentKey(), change.deployedAt(), closedAt));
    return outcome;
  }

  /** The retrospective-needed decision asked for a post-launch retrospective of the change. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void retrospectiveDue(String key) {
    mapper.markRetrospectiveDue(key);
  }

  /** Where people read a change whole, for the texts that forms show clipped. */
  public static String wholeAt(String key) {
    return "GET /api/changes/" + key;
  }

  /** The reason cut to the gate's column. */
  private static String gateReason(String reason) {
    return reason == null ? null : Texts.clip(reason, GATE_REASON_MAX);
  }

  public void addEntry(String key, String kind, String actor, String message) {
    mapper.addEntry(key, now(), kind, actor == null ? "opsflow" : actor, Texts.clip(message, 2000));
  }

  // freeze windows

  @Transactional
  public FreezeWindow addFreezeWindow(Instant startsAt, Instant endsAt, List<String> services, String reason, String by) {
    if (!endsAt.isAfter(startsAt)) {
      throw Refusal.invalid("end must be after start.");
    }
    List<String> unknown = services.stream().filter(service -> catalog.find(service).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw Refusal.invalid("services not in the catalog: " + String.join(", ", unknown) + ".");
    }
    FreezeWindow window = new FreezeWindow(UUID.randomUUID().toString(), startsAt, endsAt,
        String.join(",", new LinkedHashSet<>(services)), reason.strip(), by, now());
    mapper.insertFreezeWindow(window);
    events.publishEvent(AuditEvent.of("freeze-window.created", window.windowId()).by(by).change(null, state(window)));
    return window;
  }

  public List<FreezeWindow> freezeWindows(boolean includePast) {
    return includePast ? mapper.allFreezeWindows() : mapper.freezeWindowsEndingAfter(now());
  }

  @Transactional
  public void deleteFreezeWindow(String id) {
    FreezeWindow window = mapper.findFreezeWindow(id);
    if (window == null || mapper.deleteFreezeWindow(id) == 0) {
      throw Refusal.notFound("No freeze window '" + id + "'.");
    }
    events.publishEvent(AuditEvent.of("freeze-window.deleted", id).change(state(window), null));
  }

  /** A freeze window as the audit trail keeps it. */
  private static Map<String, Object> state(FreezeWindow window) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("start", window.startsAt());
    state.put("end", window.endsAt());
    state.put("services", window.serviceKeys());
    state.put("reason", window.reason());
    return state;
  }

  /**
   * An emergency change planned inside a freeze window goes ahead (only emergencies may): the
   * audit trail says who overrode which window.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordFreezeOverride(Change change) {
    if (change.changeType() != ChangeType.EMERGENCY) {
      return;
    }
    freezeWindowCovering(change).ifPresent(window -> {
      String message = say("timeline.freeze-overridden", "window", describe(window));
      addEntry(change.changeKey(), "freeze-overridden", change.requestedBy(), message);
      events.publishEvent(AuditEvent.of("change.freeze-overridden", change.changeKey()).by(change.requestedBy())
          .details(message + " (" + window.windowId() + ")"));
    });
  }

  public String describe(FreezeWindow window) {
    return say("freeze-window", "start", window.startsAt(), "end", window.endsAt(), "services",
        window.serviceKeys().isEmpty() ? say("freeze-window.all-services") : window.serviceKeys(), "reason", window.reason());
  }

  /**
   * What change-release writes for people (its timeline, its forms' facts) in the installation's
   * language, from {@code texts/change_*.properties} ({@link Phrases#say}).
   */
  public String say(String key, Object... namesAndValues) {
    return PHRASES.say(installation.reader(), key, namesAndValues);
  }

  private Instant start(Change change) {
    return change.plannedStart() != null ? change.plannedStart() : change.createdAt();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
