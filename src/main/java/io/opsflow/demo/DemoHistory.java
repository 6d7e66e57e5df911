package io.opsflow.demo;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.change.Changes;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.feedback.FeedbackIntake;
import io.opsflow.feedback.NegativeSpikes;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.intake.AlertIntake;

import jakarta.annotation.PreDestroy;

/**
 * Gives a fresh demo database {@value HistoryPlan#DAYS} days of history (changes, deployments,
 * incidents, drills, retrospectives, users' feedback), so that a newcomer's dashboard is not empty: played through the
 * real processes by {@link HistoryRun}, once per database, only where {@code opsflow.demo.history.enabled}
 * (the default profile; never in prod, where demo data is refused, nor in the integration tests).
 *
 * <p>It takes longer than a start may (about a minute on a laptop), so it runs in the background after the
 * start: Tasklist is usable at once, the log says when the history begins and is complete, and the
 * dashboard fills as it goes. The job executor leaves the history's jobs alone meanwhile ({@link #pauseJobs()}).
 */
@Component
@ConditionalOnProperty(name = {"opsflow.demo.enabled", "opsflow.demo.history.enabled"}, havingValue = "true")
class DemoHistory {

  /** The engine property that says the history was made (or begun) on this database. */
  static final String MARKER = "opsflow.demo.history";
  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

  private final ProcessEngine engine;
  private final HistoryRun.Doors doors;
  private volatile boolean stopping;
  private Thread worker;

  DemoHistory(ProcessEngine engine, TransactionTemplate transaction, Changes changes, Incidents incidents,
      AlertIntake alerts, EmergencyPlans plans, FeedbackIntake feedback, NegativeSpikes spikes) {
    this.engine = engine;
    this.doors = new HistoryRun.Doors(engine, transaction, changes, incidents, alerts, plans, feedback, spikes);
  }

  @EventListener(ApplicationReadyEvent.class)
  void startAfterStartUp() {
    String marker = engine.getManagementService().getProperties().get(MARKER);
    if (marker != null) {
      log.info("Demo history: already made on this database ({})", marker);
      return;
    }
    if (!doors.changes().list(null, null, 1, true).isEmpty() || !doors.incidents().list(null, null, 1, true).isEmpty()) {
      mark("skipped at " + Instant.now() + ": the database already holds changes or incidents");
      log.info("Demo history: not made, this database already holds changes or incidents");
      return;
    }
    mark("begun at " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    worker = new Thread(this::generate, "demo-history");
    worker.setDaemon(true);
    worker.start();
  }

  private void generate() {
    Instant begin = Instant.now();
    log.info("Demo history: making {} days of changes, incidents, drills, retrospectives and feedback in the background;"
        + " the dashboard fills as it goes", HistoryPlan.DAYS);
    Runnable resumeJobs = pauseJobs();
    try (HistoryClock clock = HistoryClock.install()) {
      Instant to = begin.truncatedTo(ChronoUnit.SECONDS);
      HistoryRun.Figures figures = new HistoryRun(doors, clock, to, () -> stopping)
          .play(HistoryPlan.of(HistoryPlan.SEED, to));
      long seconds = Duration.between(begin, Instant.now()).toSeconds();
      // the thread's CPU time says what the history costs whatever else loads the machine
      long cpuSeconds = Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()).toSeconds();
      String made = (stopping ? "interrupted by the shutdown after " : "ready in ") + seconds + " s (" + cpuSeconds
          + " s CPU, " + figures.moments() + " moments): " + figures.changes()
          + " changes, " + figures.incidents() + " incidents, " + figures.feedback() + " feedback items, "
          + figures.drills() + " drills due, "
          + figures.tasksCompleted() + " tasks done, " + figures.jobsExecuted() + " jobs run (" + figures.jobsFailed()
          + " failed), " + figures.openTasks() + " tasks left open";
      mark(made + " (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
      log.info("Demo history {}", made);
    } catch (RuntimeException e) {
      log.error("Demo history failed after {} s; what was made is kept", Duration.between(begin, Instant.now())
          .toSeconds(), e);
    } finally {
      resumeJobs.run();
    }
  }

  /**
   * Keeps the job executor from the history's jobs while it plays (they fall due in the past, and would run
   * at today's time): it takes only jobs of the deployments registered with it, and none is meanwhile. It
   * keeps running, so the health check stays up; people's jobs wait the few minutes too.
   */
  private Runnable pauseJobs() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    boolean deploymentAware = configuration.isJobExecutorDeploymentAware();
    Set<String> registered = configuration.getRegisteredDeployments();
    configuration.setRegisteredDeployments(ConcurrentHashMap.newKeySet());
    configuration.setJobExecutorDeploymentAware(true);
    return () -> {
      configuration.setJobExecutorDeploymentAware(deploymentAware);
      configuration.setRegisteredDeployments(registered);
    };
  }

  private void mark(String value) {
    engine.getManagementService().setProperty(MARKER, value);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    if (worker != null) {
      worker.join(Duration.ofSeconds(20).toMillis());
    }
  }
}
