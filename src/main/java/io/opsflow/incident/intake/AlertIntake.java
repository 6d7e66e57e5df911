package io.opsflow.incident.intake;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.incident.AlertStatus;
import io.opsflow.incident.AlertsReceived;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentAlert;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.persistence.IncidentMapper;
import io.opsflow.incident.steps.IncidentVariables;
import io.opsflow.kernel.domain.Codes;
import io.opsflow.kernel.process.Decisions;
import io.opsflow.kernel.text.Texts;

/**
 * Turns observed alerts into incidents. A firing alert whose fingerprint belongs to an open
 * incident is recorded on it; otherwise it opens one. The fingerprint table's primary key decides
 * races: of two identical webhooks arriving together, one opens the incident and the other, once
 * the first commits, records a repeat. A batch is one transaction, retried as a whole when the
 * database picks it as a deadlock victim, so a retry never does anything twice. A firing alert on a
 * service whose lifecycle the {@code alert-admission} decision turns away (a retired one) is ignored,
 * with its reason.
 */
@Component
public class AlertIntake {

  static final String MESSAGE_ALERTS_RESOLVED = "AlertsResolved";
  static final String TASK_CONFIRM_CLOSURE = "Task_ConfirmClosure";
  private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);
  private static final int ATTEMPTS = 5;

  private final IncidentMapper mapper;
  private final Incidents incidents;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ServiceLifecycle lifecycle;
  private final Decisions decisions;

  AlertIntake(IncidentMapper mapper, Incidents incidents, RuntimeService runtimeService, TaskService taskService,
      TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock, ServiceLifecycle lifecycle,
      Decisions decisions) {
    this.mapper = mapper;
    this.incidents = incidents;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.decisions = decisions;
  }

  public IntakeResult receive(List<Observation> observations, String sender) {
    // a fixed order keeps two batches from locking the same fingerprints in opposite orders
    List<Observation> ordered = observations.stream().sorted(Comparator.comparing(Observation::fingerprint)).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> process(ordered, sender));
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !isLockConflict(e)) {
          throw e;
        }
        log.info("Alert intake lost a lock race (attempt {}), retrying: {}", attempt, e.getMessage());
      }
    }
  }

  /** A deadlock or lock timeout, reported by Spring or by the engine: the transaction may simply run again. */
  static boolean isLockConflict(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof PessimisticLockingFailureException || cause instanceof OptimisticLockingException
          || cause instanceof SQLTransactionRollbackException) {
        return true;
      }
      if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
          || sql.getErrorCode() == 1205)) {
        return true;
      }
    }
    return false;
  }

  private IntakeResult process(List<Observation> observations, String sender) {
    IntakeResult result = IntakeResult.empty();
    Set<String> resolvedOn = new LinkedHashSet<>();
    Map<String, Optional<String>> ignoredReasons = new HashMap<>();
    for (Observation observation : observations) {
      Optional<String> ignored = observation.firing()
          ? ignoredReasons.computeIfAbsent(serviceOf(observation), this::ignoredReason) : Optional.empty();
      if (ignored.isPresent()) {
        result.ignored().add(new IntakeResult.Ignored(observation.fingerprint(), ignored.get()));
      } else if (observation.firing()) {
        fire(observation, sender, result);
      } else {
        resolve(observation, sender, result, resolvedOn);
      }
    }
    for (String key : result.updated()) {
      incidents.process(key).ifPresent(process ->
          runtimeService.setVariable(process.getId(), IncidentVariables.ALERTS_SUMMARY, incidents.alertsSummary(key)));
    }
    resolvedOn.forEach(key -> askToConfirmClosureIfAllResolved(key, sender));
    // every firing alert opened an incident or repeated on one; every resolved one was recorded or ignored
    int firing = (int) observations.stream().filter(Observation::firing).count();
    int opened = result.opened().size();
    int ignored = result.ignored().size();
    events.publishEvent(new AlertsReceived(opened, firing - opened, observations.size() - firing - ignored, ignored));
    return result;
  }

  private static String serviceOf(Observation observation) {
    return observation.reportIfNew() == null || observation.reportIfNew().service() == null ? ""
        : observation.reportIfNew().service();
  }

  /**
   * Why a firing alert on this service is not taken in, if it is not: the {@code alert-admission}
   * decision's, from the service's lifecycle (a retired service's alerts are ignored). A resolved
   * alert is always recorded, so an incident opened before the retirement can still close.
   */
  private Optional<String> ignoredReason(String service) {
    Map<String, Object> in = new HashMap<>();
    in.put("serviceLifecycle", Codes.codeOf(lifecycle.find(service).orElse(null)));
    Map<String, Object> admission = decisions.single("alert-admission", in);
    return Boolean.TRUE.equals(admission.get("accepted")) ? Optional.empty()
        : Optional.of(String.valueOf(admission.get("ignoredReason")));
  }

  private void fire(Observation observation, String sender, IntakeResult result) {
    Instant now = now();
    String owner = claimOrFindOwner(observation.fingerprint());
    if (owner != null) {
      boolean wasResolved = mapper.alerts(owner).stream()
          .anyMatch(alert -> alert.fingerprint().equals(observation.fingerprint()) && !alert.firing());
      mapper.recordFiring(owner, observation.fingerprint(), now);
      if (wasResolved) {
        incidents.addEntry(owner, "alert-fired-again", "opsflow", incidents.say("timeline.alert-fired-again", "alert",
            observation.alertName()));
      }
      result.updated().add(owner);
      return;
    }
    Incident incident = incidents.register(observation.reportIfNew());
    mapper.assignClaim(observation.fingerprint(), incident.incidentKey());
    mapper.insertAlert(new IncidentAlert(incident.incidentKey(), observation.fingerprint(), observation.alertName(),
        observation.severity(), observation.summary(), observation.labels(), observation.generatorUrl(),
        AlertStatus.FIRING, observation.startsAt(), null, now, now, 1));
    if (!observation.clipped().isEmpty()) {
      incidents.addEntry(incident.incidentKey(), "alert-clipped", sender, incidents.say("timeline.alert-clipped", "alert",
          Texts.clip(observation.alertName(), 80), "clipped", String.join("; ", observation.clipped())));
    }
    incidents.start(incident);
    result.opened().add(incident.incidentKey());
  }

  /**
   * The key of the open incident that owns the fingerprint, or null when this transaction has just
   * claimed it. When another transaction holds the claim, the insert waits for it to commit.
   */
  private String claimOrFindOwner(String fingerprint) {
    String owner = mapper.claimant(fingerprint);
    if (owner != null) {
      return owner;
    }
    try {
      mapper.claim(fingerprint);
      return null;
    } catch (DuplicateKeyException claimedConcurrently) {
      return mapper.claimant(fingerprint);
    }
  }

  private void resolve(Observation observation, String sender, IntakeResult result, Set<String> resolvedOn) {
    String owner = mapper.claimant(observation.fingerprint());
    Instant endsAt = observation.endsAt() == null ? now() : observation.endsAt();
    if (owner == null || mapper.recordResolved(owner, observation.fingerprint(), endsAt, now()) == 0) {
      result.ignored().add(new IntakeResult.Ignored(observation.fingerprint(), "no open incident has this alert"));
      return;
    }
    incidents.addEntry(owner, "alert-resolved", sender, incidents.say("timeline.alert-resolved", "alert",
        observation.alertName(), "clipped", observation.clipped().isEmpty() ? null : String.join("; ", observation.clipped())));
    result.updated().add(owner);
    resolvedOn.add(owner);
  }

  /** Tells the process once every alert of the incident has resolved; on-call then confirms closure. */
  private void askToConfirmClosureIfAllResolved(String key, String sender) {
    if (mapper.alerts(key).stream().anyMatch(IncidentAlert::firing)) {
      return;
    }
    ProcessInstance process = incidents.process(key).orElse(null);
    if (process == null) {
      return;
    }
    boolean alreadyAsked = taskService.createTaskQuery().processInstanceId(process.getId())
        .taskDefinitionKey(TASK_CONFIRM_CLOSURE).count() > 0;
    if (alreadyAsked) {
      return;
    }
    boolean told = !runtimeService.createMessageCorrelation(MESSAGE_ALERTS_RESOLVED)
        .processInstanceId(process.getId()).correlateAllWithResult().isEmpty();
    incidents.addEntry(key, "alerts-resolved", sender, incidents.say(told ? "timeline.alerts-resolved.asked"
        : "timeline.alerts-resolved.closing"));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
