package io.opsflow.lifecycle.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceLifecycle;
import io.opsflow.kernel.domain.Refusal;
import io.opsflow.kernel.keys.BusinessKeys;
import io.opsflow.kernel.text.Installation;
import io.opsflow.kernel.text.Phrases;
import io.opsflow.lifecycle.UsageSettings;

/**
 * The launch records (首发): the one place that writes them. A service has at most one running launch;
 * a no-go or a failed launch change ends it, and the service (still {@code planned}) may be launched again.
 */
@Component
public class Launches {

  public static final String PROCESS_KEY = "service-launch";
  static final String KEY_PREFIX = "LAUNCH";
  private static final Phrases PHRASES = Phrases.of("lifecycle");
  static final int REASONS_MAX = 2000;

  public record Details(Launch launch, List<SignOff> signOffs, List<LaunchReport> reports) {
  }

  private final LaunchMapper mapper;
  private final ServiceCatalog catalog;
  private final ServiceLifecycle lifecycle;
  private final BusinessKeys keys;
  private final UsageSettings settings;
  private final Clock clock;
  private final Installation installation;

  Launches(LaunchMapper mapper, ServiceCatalog catalog, ServiceLifecycle lifecycle, BusinessKeys keys,
      UsageSettings settings, Clock clock, Installation installation) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.lifecycle = lifecycle;
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
    this.installation = installation;
  }

  /**
   * What the launch of a service (readiness, sign-offs, reports) writes for people in the installation's language, from
   * {@code texts/lifecycle_*.properties} ({@link Phrases#say}).
   */
  public String say(String key, Object... namesAndValues) {
    return PHRASES.say(installation.reader(), key, namesAndValues);
  }

  /** Everything wrong with a request, including a service the catalog does not have. */
  public List<String> problems(LaunchRequest request) {
    List<String> problems = new java.util.ArrayList<>(request.problems(today()));
    if (request.service() != null && !request.service().isBlank() && catalog.find(request.service()).isEmpty()) {
      problems.add("service '" + request.service() + "' is not in the catalog");
    }
    return problems;
  }

  /**
   * Registers a launch of a planned service.
   *
   * @throws Refusal invalid for a bad request; conflict when the service is not {@code planned} or a launch of it runs
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Launch register(LaunchRequest request, String requestedBy, String processInstanceId) {
    List<String> problems = problems(request);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("Invalid launch, nothing was started: " + String.join("; ", problems) + ".");
    }
    String service = request.service();
    LifecycleState state = lifecycle.stateOf(service);
    if (state != LifecycleState.PLANNED) {
      throw Refusal.conflict("Service '" + service + "' is " + state + ": only a planned service is launched.");
    }
    refuseSecondLaunch(service);
    Launch launch = new Launch(keys.next(KEY_PREFIX), service, request.version().strip(), request.day(),
        request.hypercare(), LaunchState.PREPARING, requestedBy, now(), processInstanceId, null, null, null, null, null,
        null);
    try {
      mapper.insert(launch);
    } catch (DuplicateKeyException startedTogether) {
      refuseSecondLaunch(service);
      throw startedTogether;
    }
    return mapper.find(launch.launchKey());
  }

  private void refuseSecondLaunch(String service) {
    String running = mapper.running(service);
    if (running != null) {
      throw Refusal.conflict("Service '" + service + "' is already being launched (" + running
          + "); a second launch waits until that one has ended.");
    }
  }

  public Optional<Launch> find(String key) {
    return Optional.ofNullable(key == null ? null : mapper.find(key)).filter(found -> found.launchKey().equals(key));
  }

  public Launch get(String key) {
    return find(key).orElseThrow(() -> Refusal.notFound("No launch '" + key + "'."));
  }

  public Details details(String key) {
    return new Details(get(key), mapper.signOffs(key), mapper.reports(key));
  }

  public void readinessChecked(String key, List<ReadinessCheck> checks) {
    mapper.setReadiness(key, text(checks));
  }

  public static String text(List<ReadinessCheck> checks) {
    return String.join("\n", checks.stream().map(ReadinessCheck::line).toList());
  }

  /** @throws Refusal conflict when the group already signed off (the task ran twice) */
  public void signOff(String key, SignOff signOff) {
    try {
      mapper.insertSignOff(key, signOff);
    } catch (DuplicateKeyException twice) {
      throw Refusal.conflict(signOff.group() + " already signed off launch " + key + ".");
    }
  }

  public void decided(String key, boolean go, String by, String reasons) {
    mapper.decide(key, by, reasons, go ? LaunchState.CHANGING : LaunchState.PREPARING);
  }

  public void changeOpened(String key, String changeKey) {
    mapper.setChange(key, changeKey);
  }

  /** The launch change succeeded: the service becomes {@code launching}, watched for the hypercare days. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Instant startHypercare(String key, String actor, io.opsflow.catalog.ProcessRef process) {
    Launch launch = get(key);
    Instant at = now();
    lifecycle.move(launch.serviceKey(), LifecycleState.PLANNED, LifecycleState.LAUNCHING, actor, process,
        say("lifecycle.launch-change-succeeded", "change", launch.changeKey()));
    mapper.startHypercare(key, at);
    return at;
  }

  /** Hypercare is over: the service is {@code live}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Launch goLive(String key, String actor, io.opsflow.catalog.ProcessRef process) {
    Launch launch = get(key);
    lifecycle.move(launch.serviceKey(), LifecycleState.LAUNCHING, LifecycleState.LIVE, actor, process,
        say("lifecycle.hypercare-over", "days", launch.hypercareDays()));
    mapper.end(key, LaunchState.LIVE, null, now());
    return get(key);
  }

  /** A no-go or a failed launch change: the service stays {@code planned} and may be launched again. */
  public void end(String key, LaunchState state, String reasons) {
    mapper.end(key, state, reasons, now());
  }

  public void report(String key, LaunchReport report) {
    try {
      mapper.insertReport(key, report);
    } catch (DuplicateKeyException retried) {
      // the engine retried the step after the report was stored: it stays as first written
    }
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
