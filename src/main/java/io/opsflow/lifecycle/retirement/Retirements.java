package io.opsflow.lifecycle.retirement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.ProcessRef;
import io.opsflow.catalog.Service;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;

/** The retirement records (下线停运): the one place that writes them; service-retirement's steps call it. */
@Component
public class Retirements {

  public static final String PROCESS_KEY = "service-retirement";
  /** Correlated when the retirement's shutdown change ends (closed, rejected or cancelled). */
  public static final String MESSAGE_SHUTDOWN_CHANGE_ENDED = "RetirementShutdownChangeEnded";
  static final String KEY_PREFIX = "RETIRE";
  private static final Phrases PHRASES = Phrases.of("lifecycle");
  static final int DEFAULT_NOTICE_DAYS = 30;
  static final int MAX_NOTICE_DAYS = 365;
  static final int MAX_NOTICE_TEXT = 4000;
  static final int MAX_DATA_LOCATION = 2000;
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_FEEDBACK_INCIDENTS = 200;

  private final RetirementMapper mapper;
  private final ServiceCatalog catalog;
  private final ServiceLifecycle lifecycle;
  private final BusinessKeys keys;
  private final RuntimeService runtimeService;
  private final Incidents incidents;
  private final Clock clock;
  private final Installation installation;

  Retirements(RetirementMapper mapper, ServiceCatalog catalog, ServiceLifecycle lifecycle, BusinessKeys keys,
      RuntimeService runtimeService, Incidents incidents, Clock clock, Installation installation) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.lifecycle = lifecycle;
    this.keys = keys;
    this.runtimeService = runtimeService;
    this.incidents = incidents;
    this.clock = clock;
    this.installation = installation;
  }

  /**
   * What the retirement of a service writes for people in the installation's language, from
   * {@code texts/lifecycle_*.properties} ({@link Phrases#say}).
   */
  public String say(String key, Object... namesAndValues) {
    return PHRASES.say(installation.reader(), key, namesAndValues);
  }

  /** What a manager asks for: the service, the shutdown day (yyyy-MM-dd, UTC) and the notice period. */
  public record Request(String service, String shutdownDate, Integer noticeDays) {
  }

  /** Problems with the request's shape and dates, without looking up the service; empty when it is right. */
  public List<String> problems(Request request) {
    List<String> problems = new ArrayList<>();
    if (request.service() == null || request.service().isBlank() || request.service().length() > 64) {
      problems.add("service must name a catalog service");
    }
    int notice = noticeDays(request);
    if (notice < 1 || notice > MAX_NOTICE_DAYS) {
      problems.add("noticeDays must be 1-" + MAX_NOTICE_DAYS + " (default " + DEFAULT_NOTICE_DAYS + ")");
    }
    LocalDate shutdown = day(request.shutdownDate());
    if (shutdown == null) {
      problems.add("shutdownDate must be a date yyyy-MM-dd such as 2027-01-31");
    } else if (notice >= 1 && notice <= MAX_NOTICE_DAYS && shutdown.isBefore(today().plusDays(notice))) {
      problems.add("shutdownDate must be at least " + notice + " days (the notice period) after today "
          + today() + ": " + today().plusDays(notice) + " or later");
    }
    return problems;
  }

  /** Records the retirement and starts service-retirement for it. */
  @Transactional
  public Retirement request(Request request, String by) {
    Retirement retirement = register(request, by);
    runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(retirement.key())
        .setVariables(startVariables(retirement.key())).execute();
    return get(retirement.key());
  }

  /**
   * Records a retirement (the caller starts or runs its process): 400 for bad input, 404 for an unknown
   * service, 409 when the service is not live or deprecated, or another retirement of it runs.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Retirement register(Request request, String by) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid retirement: " + String.join("; ", problems) + ".");
    }
    LifecycleState state = lifecycle.stateOf(request.service());
    if (state != LifecycleState.LIVE && state != LifecycleState.DEPRECATED) {
      throw Refusal.conflict("Service '" + request.service() + "' is " + state + "; only a live or deprecated"
          + " service can be retired.");
    }
    refuseRunning(request.service());
    RetirementMapper.Row row = new RetirementMapper.Row(keys.next(KEY_PREFIX), request.service(),
        day(request.shutdownDate()), noticeDays(request), RetirementState.RUNNING, by, now(), null, null, null, null,
        null, null, null, null, null);
    try {
      mapper.insert(row);
    } catch (DuplicateKeyException concurrent) {
      refuseRunning(request.service());
      throw concurrent;
    }
    return get(row.retirementKey());
  }

  private void refuseRunning(String service) {
    String running = mapper.active(service);
    if (running != null) {
      throw Refusal.conflict("Service '" + service + "' is already being retired by " + running + ".");
    }
  }

  public Map<String, Object> startVariables(String key) {
    RetirementMapper.Row row = row(key);
    Map<String, Object> variables = new HashMap<>();
    variables.put(RetirementVariables.RETIREMENT_KEY, row.retirementKey());
    variables.put(RetirementVariables.SERVICE, row.serviceKey());
    variables.put(RetirementVariables.DEV_GROUP, catalog.get(row.serviceKey()).devGroup());
    variables.put(RetirementVariables.SHUTDOWN_DATE, row.shutdownDate().toString());
    variables.put(RetirementVariables.SHUTDOWN_AT, startOf(row.shutdownDate()));
    variables.put(RetirementVariables.NOTICE_DAYS, row.noticeDays());
    return variables;
  }

  /** The record as those who read restricted incidents see it (the managers who request retirements do). */
  public Retirement get(String key) {
    return get(key, true);
  }

  /**
   * The record; a reader who may not read restricted incidents does not find them among the spikes' incidents,
   * as {@code GET /api/incidents/{key}} does not find them for that reader.
   */
  public Retirement get(String key, boolean withRestricted) {
    RetirementMapper.Row row = row(key);
    Instant until = row.endedAt() != null ? row.endedAt()
        : row.shutdownDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Retirement.FeedbackIncident> spikes = incidents.onServiceBetween(row.serviceKey(), row.requestedAt(), until,
            MAX_FEEDBACK_INCIDENTS).stream().map(details -> details.incident())
        .filter(incident -> incident.source() == IncidentSource.FEEDBACK && (withRestricted || !incident.restricted()))
        .map(incident -> new Retirement.FeedbackIncident(incident.incidentKey(), incident.title(),
            incident.priority() == null ? null : incident.priority().code(), incident.openedAt()))
        .toList();
    return new Retirement(row.retirementKey(), row.serviceKey(), row.shutdownDate(), row.noticeDays(), row.state(),
        row.requestedBy(), row.requestedAt(), row.noticeText() == null ? null
            : new Retirement.Notice(row.noticeText(), row.noticePublishedBy(), row.noticePublishedAt()),
        row.dataLocation(), row.dataExportedBy(), row.migrationVerifiedBy(), row.rightsConfirmedBy(),
        row.shutdownChangeKey(), row.endedAt(), spikes);
  }

  private RetirementMapper.Row row(String key) {
    RetirementMapper.Row row = key == null ? null : mapper.find(key);
    if (row == null || !row.retirementKey().equals(key)) {
      throw Refusal.notFound("No retirement '" + key + "'.");
    }
    return row;
  }

  /** The services that still depend on the service, read now (not from an earlier check). */
  public List<String> dependentsOf(String service) {
    return catalog.get(service).dependents();
  }

  /** The dev group that removes a dependent's dependency. */
  public String devGroupOf(String service) {
    return catalog.get(service).devGroup();
  }

  /** The service becomes deprecated (users are told next); already deprecated stays so. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deprecate(String key, String processInstanceId) {
    RetirementMapper.Row row = row(key);
    if (lifecycle.stateOf(row.serviceKey()) == LifecycleState.LIVE) {
      lifecycle.move(row.serviceKey(), LifecycleState.LIVE, LifecycleState.DEPRECATED, row.requestedBy(),
          new ProcessRef(processInstanceId, key), say("lifecycle.retirement-announced", "date", row.shutdownDate()));
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void noticePublished(String key, String text, String by) {
    mapper.notice(key, text, by, now());
  }

  /**
   * Users get the whole notice period from the day the notice was published: a notice published later than
   * the notice period before the shutdown date (the dependents took long, ops were late) moves the shutdown
   * to the publication day plus the notice period. The request's own check (shutdown at least the notice
   * period after the request) holds the same rule for the day it was asked.
   *
   * @return the shutdown day, moved or not
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public LocalDate shutdownAfterNotice(String key) {
    RetirementMapper.Row row = row(key);
    if (row.noticePublishedAt() == null) {
      throw new IllegalStateException("the notice of " + key + " is not published yet");
    }
    LocalDate earliest = LocalDate.ofInstant(row.noticePublishedAt(), ZoneOffset.UTC).plusDays(row.noticeDays());
    if (!earliest.isAfter(row.shutdownDate())) {
      return row.shutdownDate();
    }
    mapper.postpone(key, earliest);
    return earliest;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void dataExported(String key, String location, String by) {
    mapper.dataExported(key, location, by);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void migrationVerified(String key, String by) {
    mapper.migrationVerified(key, by);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void rightsConfirmed(String key, String by) {
    mapper.rightsConfirmed(key, by);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void shutdownChangeRequested(String key, String changeKey) {
    mapper.shutdownChange(key, changeKey);
  }

  /** Whether a change is some retirement's shutdown change. */
  public boolean isShutdownChange(String changeKey) {
    return mapper.byShutdownChange(changeKey) != null;
  }

  /** The shutdown succeeded: the service is retired (its alerts are ignored, its plans no longer selected). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void retire(String key, String processInstanceId) {
    RetirementMapper.Row row = row(key);
    lifecycle.move(row.serviceKey(), LifecycleState.DEPRECATED, LifecycleState.RETIRED, row.requestedBy(),
        new ProcessRef(processInstanceId, key), say("lifecycle.shut-down", "change", row.shutdownChangeKey()));
    mapper.end(key, RetirementState.RETIRED, now());
  }

  /** A manager gave up: the service stays deprecated, and another retirement may start. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void abandon(String key) {
    mapper.end(key, RetirementState.ABANDONED, now());
  }

  /** When the shutdown day begins (UTC): the shutdown timer's moment. */
  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static int noticeDays(Request request) {
    return request.noticeDays() == null ? DEFAULT_NOTICE_DAYS : request.noticeDays();
  }

  private static LocalDate day(String text) {
    if (text == null || !DAY.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
