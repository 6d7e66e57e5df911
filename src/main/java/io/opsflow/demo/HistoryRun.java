package io.opsflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.change.Change;
import io.opsflow.change.ChangeSubmission;
import io.opsflow.change.ChangeType;
import io.opsflow.change.Changes;
import io.opsflow.change.DeploymentStatus;
import io.opsflow.change.GateStatus;
import io.opsflow.demo.HistoryPlan.Deployment;
import io.opsflow.demo.HistoryPlan.Outage;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.feedback.FeedbackDraft;
import io.opsflow.feedback.FeedbackIntake;
import io.opsflow.feedback.NegativeSpikes;
import io.opsflow.feedback.Recorded;
import io.opsflow.feedback.Sentiment;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Incidents;
import io.opsflow.incident.intake.AlertIntake;
import io.opsflow.incident.intake.Observation;

/**
 * Plays a {@link HistoryPlan} through the real services and processes, moving this thread's engine
 * clock from one moment to the next: CI requests changes and reports their deployments, Alertmanager
 * and people report incidents, the support desk forwards users' feedback, the daily drill check opens drills; the engine's jobs (timers, async
 * steps) run when they are due, and people ({@link HistoryAnswers}) complete their tasks some minutes
 * or days after they appear. What is still undone at the end stays open, as it would in a real team.
 *
 * <p>Only its own process instances are touched (started in the past); people may use OpsFlow meanwhile.
 */
class HistoryRun {

  private static final Logger log = LoggerFactory.getLogger(HistoryRun.class);
  /** How often CI looks at a change's gate while it waits for approval, and for how long at most. */
  private static final Duration GATE_POLL = Duration.ofMinutes(15);
  private static final Duration GATE_PATIENCE = Duration.ofDays(3);
  private static final int JOB_PAGE = 50;

  record Figures(int changes, int incidents, int feedback, int drills, int tasksCompleted, int jobsExecuted,
      int jobsFailed, int openTasks, int moments) {
  }

  /** The doors the history goes through: the ones CI, Alertmanager, people and the engine's jobs use. */
  record Doors(ProcessEngine engine, TransactionTemplate transaction, Changes changes, Incidents incidents,
      AlertIntake alerts, EmergencyPlans plans, FeedbackIntake feedback, NegativeSpikes spikes) {
  }

  /** Something that happens at a moment. */
  private record Event(Instant at, long order, Step step) {
  }

  private interface Step {
    /** Does it; false when it surely started, ended or created no engine work (CI reading its gate). */
    boolean run();
  }

  private final ProcessEngine engine;
  private final TransactionTemplate transaction;
  private final Changes changes;
  private final Incidents incidents;
  private final AlertIntake alerts;
  private final EmergencyPlans plans;
  private final FeedbackIntake feedback;
  private final NegativeSpikes spikes;
  private final HistoryClock clock;
  private final HistoryAnswers answers;
  private final Instant realStart;
  private final BooleanSupplier stopped;

  private final PriorityQueue<Event> events = new PriorityQueue<>(
      Comparator.comparing(Event::at).thenComparingLong(Event::order));
  /** Each open task's answer, planned when it first appeared; empty: nobody will do it (in the history). */
  private final Map<String, Optional<HistoryAnswers.Planned>> planned = new HashMap<>();
  private final Map<String, Boolean> ours = new HashMap<>();
  private long order;
  private Instant now;
  /**
   * Counts what may have changed the engine's jobs and tasks (an event, a job run, a task done); the open tasks
   * and the next job's due time read at one count hold until the next, so a moment at which only time moved
   * (CI reading its gate, a person's answer falling due) asks the engine nothing.
   */
  private long engineChanges;
  private List<Task> openTasks = List.of();
  private long openTasksRead = -1;
  /** Until when no job of the history falls due, as of {@link #jobsRead}; null: none known to fall due at all. */
  private Instant noJobUntil;
  private long jobsRead = -1;
  private int moments;
  private int changeCount;
  private int incidentCount;
  private int drillCount;
  private int feedbackCount;
  private int tasksCompleted;
  private int jobsExecuted;
  private int jobsFailed;

  HistoryRun(Doors doors, HistoryClock clock, Instant realStart, BooleanSupplier stopped) {
    this.engine = doors.engine();
    this.transaction = doors.transaction();
    this.changes = doors.changes();
    this.incidents = doors.incidents();
    this.alerts = doors.alerts();
    this.plans = doors.plans();
    this.feedback = doors.feedback();
    this.spikes = doors.spikes();
    this.clock = clock;
    this.realStart = realStart;
    this.stopped = stopped;
    this.answers = new HistoryAnswers(engine, changes, incidents);
  }

  Figures play(HistoryPlan plan) {
    plan.freezeWindows().forEach(window -> at(plan.from(), () -> changes.addFreezeWindow(window.startsAt(),
        window.endsAt(), List.of(), window.reason(), "mia")));
    plan.drills().forEach(drill -> answers.drill(drill.planKey(), drill.held()));
    plan.drills().stream().map(HistoryPlan.Drill::checkAt).distinct().forEach(check -> at(check, this::checkDrills));
    plan.deployments().forEach(deployment -> at(deployment.at(), () -> request(deployment, null)));
    plan.outages().forEach(outage -> at(outage.at(), () -> report(outage)));
    plan.feedback().voices().stream().collect(Collectors.groupingBy(voice -> voice.at().truncatedTo(ChronoUnit.HOURS)
        .plus(Duration.ofHours(1)), TreeMap::new, Collectors.toList())).forEach((hour, voices) ->
        quietlyAt(hour, () -> forward(voices)));
    now = plan.from();
    while (!stopped.getAsBoolean()) {
      clock.set(now);
      boolean acted = runEvents() | runJobs() | workTasks();
      if (acted) {
        continue;
      }
      Optional<Instant> next = next();
      if (next.isEmpty() || !next.get().isBefore(plan.to())) {
        break;
      }
      now = next.get();
      moments++;
    }
    engineChanges++;
    return new Figures(changeCount, incidentCount, feedbackCount, drillCount, tasksCompleted, jobsExecuted, jobsFailed,
        ourOpenTasks().size(), moments);
  }

  private void at(Instant when, Runnable action) {
    events.add(new Event(when, order++, () -> {
      action.run();
      return true;
    }));
  }

  private void quietlyAt(Instant when, Runnable action) {
    events.add(new Event(when, order++, () -> {
      action.run();
      return false;
    }));
  }

  private boolean runEvents() {
    boolean acted = false;
    while (!events.isEmpty() && !events.peek().at().isAfter(now)) {
      Event event = events.poll();
      boolean changed = true;
      try {
        changed = Boolean.TRUE.equals(transaction.execute(status -> event.step().run()));
      } catch (RuntimeException e) {
        log.warn("Demo history: a step at {} failed and is left out: {}", now, e.toString());
      }
      if (changed) {
        engineChanges++;
        acted = true;
      }
    }
    return acted;
  }

  // what CI does

  private void request(Deployment deployment, String fixesIncident) {
    Change change = changes.request(new ChangeSubmission(deployment.service(), deployment.version(),
        deployment.title(), deployment.type(), false, deployment.hasDbMigration(), deployment.plannedStart(),
        sha(deployment), "https://ci.opsflow.example/" + deployment.service() + "/" + deployment.version(),
        deployment.requestedBy(), "ci-bot", null, null, now.minus(deployment.sinceCommit()), fixesIncident));
    changeCount++;
    answers.expect(change.changeKey(), deployment.result());
    pollGate(change.changeKey(), deployment, now.plus(GATE_PATIENCE));
  }

  /** CI waits for the gate, deploys in 8-20 minutes once it opens, and reports the result. */
  private void pollGate(String key, Deployment deployment, Instant giveUpAt) {
    Change change = changes.get(key);
    if (change.gateStatus() == GateStatus.APPROVED) {
      at(now.plus(Duration.ofMinutes(8 + Math.floorMod(key.hashCode(), 13))), () -> deployed(key, deployment));
    } else if (change.gateStatus() == GateStatus.PENDING && now.isBefore(giveUpAt)) {
      quietlyAt(now.plus(GATE_POLL), () -> pollGate(key, deployment, giveUpAt));
    }
  }

  private void deployed(String key, Deployment deployment) {
    boolean failed = deployment.result() == HistoryPlan.Result.FAILED;
    changes.reportDeployment(key, failed ? DeploymentStatus.FAILED : DeploymentStatus.SUCCEEDED,
        "https://ci.opsflow.example/" + deployment.service() + "/deploy/" + deployment.version(), "ci-bot");
    if (deployment.result() == HistoryPlan.Result.ROLLED_BACK_AFTER_ALERT) {
      // the new version's error rate fires an alert inside the verification window
      Outage alert = new Outage(now.plus(Duration.ofMinutes(6)), deployment.service(), IncidentSource.ALERTMANAGER, "medium",
          "high", "outage", "发布后错误率升高 / Error rate up after release " + deployment.version(), 0.4, 0.5, false);
      at(alert.at(), () -> report(alert));
    }
  }

  private static String sha(Deployment deployment) {
    return String.format("%040x", Math.abs((long) (deployment.service() + deployment.version()).hashCode()) * 2654435761L)
        .substring(0, 12);
  }

  // what Alertmanager and people report

  private void report(Outage outage) {
    IncidentReport report = new IncidentReport(outage.service(), outage.title(), "演示历史 / Demo history: "
        + outage.title(), outage.impact(), outage.urgency(), outage.source(), reporter(outage.source()),
        outage.source() == IncidentSource.ALERTMANAGER ? null : outage.category());
    String key;
    if (outage.source() == IncidentSource.ALERTMANAGER) {
      String fingerprint = "demo-" + outage.service() + "-" + now.getEpochSecond();
      key = alerts.receive(List.of(new Observation(fingerprint, true, outage.title().replaceAll("[^A-Za-z]", ""),
          "high".equals(outage.urgency()) ? "critical" : "warning", outage.title(), "{\"service\":\"" + outage.service()
              + "\"}", "https://prometheus.opsflow.example/graph", now, null, report, List.of())), "alertmanager")
          .opened().stream().findFirst().orElse(null);
    } else {
      key = incidents.open(report).incidentKey();
    }
    if (key == null) {
      return;
    }
    incidentCount++;
    answers.expect(key, outage);
    if (outage.hotfix()) {
      Incident incident = incidents.find(key).orElseThrow();
      Duration toResolve = incident.resolveDueAt() == null ? Duration.ofHours(4)
          : Duration.between(incident.openedAt(), incident.resolveDueAt());
      Deployment fix = new Deployment(now, outage.service(), ChangeType.EMERGENCY, "hotfix-" + key, "紧急修复 / Hotfix for "
          + key, "devon", Duration.ofMinutes(25), null, false, HistoryPlan.Result.SUCCEEDED);
      at(now.plus(Duration.ofSeconds((long) (toResolve.toSeconds() * outage.resolveShare() * 0.4))),
          () -> request(fix, key));
    }
  }

  private static String reporter(IncidentSource source) {
    return switch (source) {
      case ALERTMANAGER -> "alertmanager";
      case TASKLIST -> "quinn";
      default -> "olivia";
    };
  }

  // what users say, forwarded by the support desk

  /**
   * The support desk forwards each hour what users said in it, and each service that got a complaint is checked
   * for a negative spike then, as the schedule's next run would (the check reads the last hour by when it was
   * said, so it finds no more later). The check has a transaction of its own, as on the schedule.
   */
  private void forward(List<HistoryVoices.Voice> voices) {
    List<Recorded> recorded = feedback.record(voices.stream().map(voice -> new FeedbackDraft(voice.service(),
        voice.version(), voice.channel(), voice.text(), voice.rating(), voice.at().atOffset(ZoneOffset.UTC),
        voice.externalId(), voice.userRef())).toList(), "support-desk");
    feedbackCount += recorded.size();
    Set<String> complainedAbout = new TreeSet<>();
    for (int i = 0; i < voices.size(); i++) {
      if (recorded.get(i).sentiment() == Sentiment.NEGATIVE) {
        complainedAbout.add(voices.get(i).service());
      }
    }
    complainedAbout.forEach(service -> events.add(new Event(now, order++, () -> checkForSpike(service))));
  }

  private boolean checkForSpike(String service) {
    Optional<String> opened = spikes.checkNow(service);
    opened.ifPresent(key -> incidentCount++);
    return opened.isPresent();
  }

  /** The daily drill check's morning: every plan whose drill is due gets a "Schedule drill" task. */
  private void checkDrills() {
    drillCount += plans.openDrillTasks().size();
  }

  // the engine and the people

  private boolean runJobs() {
    if (jobsRead == engineChanges && (noJobUntil == null || now.isBefore(noJobUntil))) {
      return false;
    }
    boolean acted = false;
    for (Job job : engine.getManagementService().createJobQuery().executable().orderByJobDuedate().asc().list()) {
      if (!ours(job.getProcessInstanceId())) {
        continue;
      }
      try {
        engine.getManagementService().executeJob(job.getId());
        jobsExecuted++;
      } catch (RuntimeException e) {
        jobsFailed++;
        log.debug("Demo history: job {} failed at {}: {}", job.getId(), now, e.toString());
      }
      engineChanges++;
      acted = true;
    }
    return acted;
  }

  private boolean workTasks() {
    boolean acted = false;
    for (Task task : ourOpenTasks()) {
      HistoryAnswers.Planned plan = planned.computeIfAbsent(task.getId(), id -> answers.plan(task, now)).orElse(null);
      if (plan == null || plan.at().isAfter(now)) {
        continue;
      }
      planned.put(task.getId(), Optional.empty());
      try {
        // one transaction: the claim and the completion carry the same moment anyway
        transaction.executeWithoutResult(status -> {
          engine.getTaskService().claim(task.getId(), plan.user());
          engine.getTaskService().complete(task.getId(), plan.variables());
        });
        tasksCompleted++;
      } catch (RuntimeException e) {
        log.warn("Demo history: {} could not complete '{}' at {}: {}", plan.user(), task.getName(), now, e.toString());
      }
      engineChanges++;
      acted = true;
    }
    return acted;
  }

  private List<Task> ourOpenTasks() {
    if (openTasksRead != engineChanges) {
      List<Task> tasks = new ArrayList<>(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().asc().list());
      tasks.removeIf(task -> !ours(task.getProcessInstanceId()));
      openTasks = tasks;
      openTasksRead = engineChanges;
    }
    return openTasks;
  }

  /** The next moment something happens: an event, a task someone will do, a job that falls due. */
  private Optional<Instant> next() {
    List<Instant> candidates = new ArrayList<>();
    if (!events.isEmpty()) {
      candidates.add(events.peek().at());
    }
    planned.values().stream().flatMap(Optional::stream).map(HistoryAnswers.Planned::at)
        .filter(at -> at.isAfter(now)).min(Comparator.naturalOrder()).ifPresent(candidates::add);
    nextJob().ifPresent(candidates::add);
    return candidates.stream().min(Comparator.naturalOrder());
  }

  /**
   * When the history's next job falls due, asked of the engine only when its jobs may have changed: until then
   * the answer holds. Of a full page without one of the history's jobs, the last due time is as far as is known.
   */
  private Optional<Instant> nextJob() {
    if (jobsRead != engineChanges || (noJobUntil != null && !now.isBefore(noJobUntil))) {
      List<Job> page = engine.getManagementService().createJobQuery().duedateHigherThan(Date.from(now))
          .orderByJobDuedate().asc().listPage(0, JOB_PAGE);
      noJobUntil = page.stream().filter(job -> job.getRetries() > 0 && ours(job.getProcessInstanceId())).findFirst()
          .or(() -> page.size() == JOB_PAGE ? Optional.of(page.get(JOB_PAGE - 1)) : Optional.empty())
          .map(job -> job.getDuedate().toInstant()).orElse(null);
      jobsRead = engineChanges;
    }
    return Optional.ofNullable(noJobUntil);
  }

  /** Whether a process instance is the history's: started (in the past) by this run, not by people now. */
  private boolean ours(String processInstanceId) {
    if (processInstanceId == null) {
      return false;
    }
    return ours.computeIfAbsent(processInstanceId, id -> {
      HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(id).singleResult();
      return instance != null && instance.getStartTime().toInstant().isBefore(realStart);
    });
  }
}
