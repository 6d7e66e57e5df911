package io.opsflow.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.metrics.persistence.MetricsMapper;
import io.opsflow.metrics.persistence.MetricsMapper.Count;
import io.opsflow.metrics.persistence.MetricsMapper.DeliveryCounts;
import io.opsflow.metrics.persistence.MetricsMapper.DeploymentTimes;
import io.opsflow.metrics.persistence.MetricsMapper.Drill;
import io.opsflow.metrics.persistence.MetricsMapper.IncidentCounts;
import io.opsflow.metrics.persistence.MetricsMapper.IncidentTimes;
import io.opsflow.metrics.persistence.MetricsMapper.OpenItem;
import io.opsflow.metrics.persistence.MetricsMapper.Slice;

/**
 * The operations figures, defined once: the API and the Prometheus export both ask here, and the
 * README's "Operations figures" says the same in words. Times are UTC; a period is [from, to).
 * Durations are medians with their 90th percentile, by nearest rank (the value at rank ceil(p × n)
 * of the n sorted values), in seconds.
 *
 * <h2>Delivery (DORA)</h2>
 * A <em>deployment</em> is a change whose pipeline reported its deployment (succeeded or failed),
 * counted when it was reported ({@code deployedAt}) within the period.
 * <ul>
 * <li>{@code deploymentFrequency}: successful deployments per day of the period (count: how many).</li>
 * <li>{@code changeLeadTime}: from the commit ({@code committedAt} on {@code POST /api/changes}) to
 * the successful deployment; changes without {@code committedAt} are not measured.</li>
 * <li>{@code changeFailRate}: failed deployments ÷ deployments. Failed: the deployment failed, was
 * rolled back, opened an incident, or an incident was opened on its service in its verification
 * window; a deployment with several incidents counts once.</li>
 * <li>{@code failedDeploymentRecoveryTime}: from a failed deployment to the resolution of the last
 * incident it caused, or, if it caused none, to the close of its change (the rollback done);
 * deployments not recovered yet are not measured.</li>
 * <li>{@code deploymentReworkRate}: deployments of emergency changes made for an incident (they name
 * it in {@code fixesIncident}) ÷ deployments.</li>
 * </ul>
 * Each has its {@link Band} (rework rate has none: DORA publishes no levels for it).
 *
 * <h2>Incidents</h2>
 * Incidents opened in the period; restricted incidents only for readers of restricted items.
 * <ul>
 * <li>{@code mtta}, {@code mttr}: opened to acknowledged, opened to resolved (mitigated); incidents
 * not acknowledged (resolved) yet are not measured.</li>
 * <li>{@code slaAttainment}: per priority, held ÷ decided for each target: held when acknowledged
 * (resolved) by its due time, missed when later or when the due time passed without it; incidents
 * whose target is not due yet, or without a priority, are not decided.</li>
 * <li>{@code incidentsByPriority} ({@code none}: not prioritised yet), {@code incidentsBySource}
 * ({@code alert}: Alertmanager; {@code person}: the API or Tasklist; {@code failedChange};
 * {@code feedback}: a negative feedback spike).</li>
 * <li>{@code escalations}: incidents escalated at least once (paged the next level, or escalated to
 * managers), over the incidents opened.</li>
 * </ul>
 *
 * <h2>Practice</h2>
 * Counted at the end of the period (or now, if sooner); a series point at the end of its interval.
 * <ul>
 * <li>{@code drillCompliance}: emergency plans of the scope's groups whose last finished drill
 * started within the plan's drill interval before that moment ÷ plans.</li>
 * <li>{@code actionItemsOnTime}: action items whose due day ended in the period, verified (closed) by
 * the end of their due day ÷ those items.</li>
 * <li>{@code overdueActionItems}: action items whose due day is over and that are not verified.</li>
 * <li>{@code retrospectivesCompleted}: retrospectives closed in the period.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
public class Figures {

  static final String INCIDENTS = "incidents";
  static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  /** Incident sources as the figures group them (the incident module's codes on the right). */
  static final Map<String, List<String>> SOURCES = sources();

  private final MetricsMapper mapper;
  private final EmergencyPlans plans;
  private final Clock clock;

  Figures(MetricsMapper mapper, EmergencyPlans plans, Clock clock) {
    this.mapper = mapper;
    this.plans = plans;
    this.clock = clock;
  }

  private static Map<String, List<String>> sources() {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    sources.put("alert", List.of("alertmanager"));
    sources.put("person", List.of("api", "tasklist"));
    sources.put("failedChange", List.of("change"));
    sources.put("feedback", List.of("feedback"));
    return sources;
  }

  public Report<DeliveryFigures> delivery(Period period, Scope scope) {
    Slice slice = slice(period, scope, true);
    Map<Long, DeliveryCounts> counts = byBucket(mapper.delivery(slice), DeliveryCounts::bucket);
    Durations lead = new Durations();
    Durations recovery = new Durations();
    for (DeploymentTimes times : mapper.deploymentTimes(slice)) {
      lead.add(times.bucket(), times.leadSeconds());
      recovery.add(times.bucket(), times.recoverySeconds());
    }
    DeliveryCounts total = counts.values().stream().reduce(new DeliveryCounts(0, 0, 0, 0, 0),
        (a, b) -> new DeliveryCounts(0, a.succeeded() + b.succeeded(), a.deployments() + b.deployments(),
            a.failed() + b.failed(), a.rework() + b.rework()));
    return report(period, scope, delivery(total, lead.whole(), recovery.whole(), period.days()),
        bucket -> delivery(counts.get((long) bucket.index()), lead.of(bucket.index()), recovery.of(bucket.index()),
            bucket.days()));
  }

  static DeliveryFigures delivery(DeliveryCounts counts, Figure lead, Figure recovery, double days) {
    long succeeded = counts == null ? 0 : counts.succeeded();
    long deployments = counts == null ? 0 : counts.deployments();
    return new DeliveryFigures(
        new Figure(succeeded / days, Figure.PER_DAY, null, null, succeeded).banded(Band::ofDeploymentFrequency),
        lead.banded(Band::ofChangeLeadTime),
        Figure.ratio(counts == null ? 0 : counts.failed(), deployments).banded(Band::ofChangeFailRate),
        recovery.banded(Band::ofFailedDeploymentRecoveryTime),
        Figure.ratio(counts == null ? 0 : counts.rework(), deployments));
  }

  public Report<IncidentFigures> incidents(Period period, Scope scope) {
    Slice slice = slice(period, scope, true);
    List<IncidentCounts> rows = mapper.incidents(slice);
    Map<Long, List<IncidentCounts>> counts = rows.stream().collect(Collectors.groupingBy(IncidentCounts::bucket));
    Durations ack = new Durations();
    Durations resolve = new Durations();
    for (IncidentTimes times : mapper.incidentTimes(slice)) {
      ack.add(times.bucket(), times.ackSeconds());
      resolve.add(times.bucket(), times.resolveSeconds());
    }
    return report(period, scope, incidents(rows, ack.whole(), resolve.whole()),
        bucket -> incidents(counts.getOrDefault((long) bucket.index(), List.of()), ack.of(bucket.index()),
            resolve.of(bucket.index())));
  }

  static IncidentFigures incidents(List<IncidentCounts> rows, Figure ack, Figure resolve) {
    Map<String, IncidentFigures.Sla> sla = new LinkedHashMap<>();
    Map<String, Figure> byPriority = new LinkedHashMap<>();
    for (String priority : PRIORITIES) {
      List<IncidentCounts> of = rows.stream().filter(row -> priority.equals(row.priority())).toList();
      long ackHeld = sum(of, IncidentCounts::ackHeld);
      long resolveHeld = sum(of, IncidentCounts::resolveHeld);
      sla.put(priority, new IncidentFigures.Sla(Figure.ratio(ackHeld, ackHeld + sum(of, IncidentCounts::ackMissed)),
          Figure.ratio(resolveHeld, resolveHeld + sum(of, IncidentCounts::resolveMissed))));
      byPriority.put(priority, Figure.number(sum(of, IncidentCounts::opened), INCIDENTS));
    }
    byPriority.put("none", Figure.number(sum(rows.stream().filter(row -> "none".equals(row.priority())).toList(),
        IncidentCounts::opened), INCIDENTS));
    Map<String, Figure> bySource = new LinkedHashMap<>();
    SOURCES.forEach((name, codes) -> bySource.put(name, Figure.number(
        sum(rows.stream().filter(row -> codes.contains(row.source())).toList(), IncidentCounts::opened), INCIDENTS)));
    long opened = sum(rows, IncidentCounts::opened);
    return new IncidentFigures(ack, resolve, sla, byPriority, bySource,
        new Figure((double) sum(rows, IncidentCounts::escalated), INCIDENTS, null, null, opened));
  }

  public Report<PracticeFigures> practice(Period period, Scope scope) {
    Instant now = now();
    Slice bucketed = slice(period, scope, true);
    List<Period.Bucket> buckets = period.buckets();
    // the counting moments: each interval's end (or now), and the period's as one more
    List<Moment> moments = new ArrayList<>();
    List<Instant> ends = new ArrayList<>();
    buckets.forEach(bucket -> ends.add(bucket.end()));
    ends.add(period.to());
    for (int i = 0; i < ends.size(); i++) {
      Instant at = earlier(ends.get(i), now);
      if (i < buckets.size() && !buckets.get(i).start().isBefore(now) || at.isBefore(period.from())) {
        continue;
      }
      moments.add(new Moment(i, at, LocalDate.ofInstant(at.minus(Duration.ofDays(1)), ZoneOffset.UTC)));
    }
    Map<Long, Long> overdue = overdue(bucketed, moments);
    Map<Long, Count> due = itemsDue(period, bucketed, now);
    Map<Long, Count> closed = byBucket(mapper.retrospectivesClosed(bucketed), Count::bucket);
    List<EmergencyPlans.Plan> scoped = plans.plans().stream()
        .filter(plan -> scope.planOwners() == null || scope.planOwners().contains(plan.ownerGroup())).toList();
    List<Drill> drills = drills(scoped, period);

    Count dueTotal = sumCounts(due.values());
    PracticeFigures total = new PracticeFigures(
        drillCompliance(scoped, drills, earlier(period.to(), now)),
        Figure.ratio(dueTotal.part(), dueTotal.total()),
        overdue(overdue.get((long) buckets.size())),
        Figure.number(sumCounts(closed.values()).total(), "retrospectives"));
    return report(period, scope, total, bucket -> {
      Count dueIn = due.get((long) bucket.index());
      return new PracticeFigures(
          bucket.start().isBefore(now) ? drillCompliance(scoped, drills, earlier(bucket.end(), now))
              : new Figure(null, Figure.RATIO, null, null, 0),
          dueIn == null ? Figure.ratio(0, 0) : Figure.ratio(dueIn.part(), dueIn.total()),
          overdue(overdue.get((long) bucket.index())),
          Figure.number(closed.containsKey((long) bucket.index()) ? closed.get((long) bucket.index()).total() : 0,
              "retrospectives"));
    });
  }

  /** Items whose due day ended in (from, min(to, now)]: due on [firstDue, lastDue]. */
  private Map<Long, Count> itemsDue(Period period, Slice bucketed, Instant now) {
    LocalDate firstDue = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
    LocalDate lastDue = LocalDate.ofInstant(earlier(period.to(), now).minus(Duration.ofDays(1)), ZoneOffset.UTC);
    return firstDue.isAfter(lastDue) ? Map.of() : byBucket(mapper.itemsDue(bucketed, firstDue, lastDue), Count::bucket);
  }

  private List<Drill> drills(List<EmergencyPlans.Plan> scoped, Period period) {
    if (scoped.isEmpty()) {
      return List.of();
    }
    int longest = scoped.stream().mapToInt(EmergencyPlans.Plan::drillIntervalDays).max().orElse(0);
    return mapper.drills(scoped.stream().map(EmergencyPlans.Plan::key).toList(),
        period.from().minus(Duration.ofDays(longest)), period.to());
  }

  /** Plans whose last drill finished by {@code at} started within the plan's interval before it. */
  static Figure drillCompliance(List<EmergencyPlans.Plan> plans, List<Drill> drills, Instant at) {
    long drilled = plans.stream().filter(plan -> drills.stream().anyMatch(drill -> drill.planKey().equals(plan.key())
        && !drill.endedAt().isAfter(at) && !drill.startedAt().isAfter(at)
        && drill.startedAt().isAfter(at.minus(Duration.ofDays(plan.drillIntervalDays()))))).count();
    return Figure.ratio(drilled, plans.size());
  }

  /**
   * Action items overdue at each moment, by its bucket. Only items not verified by the first moment can
   * be; they are read once (a range of ix_action_item_open, V31) and tested for every moment here: in
   * SQL, joining them to a series' 92 moments by inequalities compared every item with every moment.
   */
  private Map<Long, Long> overdue(Slice slice, List<Moment> moments) {
    if (moments.isEmpty()) {
      return Map.of();
    }
    Moment last = moments.get(moments.size() - 1);
    List<OpenItem> items = mapper.openItems(slice, moments.get(0).at(), last.at(), last.lastOverdueDay());
    Map<Long, Long> overdue = new HashMap<>();
    for (Moment moment : moments) {
      overdue.put((long) moment.bucket(), items.stream().filter(moment::overdue).count());
    }
    return overdue;
  }

  /** A moment of a series at which action items are counted, and the last due day overdue at it. */
  record Moment(int bucket, Instant at, LocalDate lastOverdueDay) {

    /** Created by then, its due day over, not verified by then. */
    boolean overdue(OpenItem item) {
      return !item.dueDate().isAfter(lastOverdueDay) && !item.createdAt().isAfter(at)
          && (item.verifiedAt() == null || item.verifiedAt().isAfter(at));
    }
  }

  private static Figure overdue(Long count) {
    return count == null ? new Figure(null, "action items", null, null, 0) : Figure.number(count, "action items");
  }

  private <T> Report<T> report(Period period, Scope scope, T total, Function<Period.Bucket, T> point) {
    return new Report<>(period.from(), period.to(), period.interval(), scope.services(), total,
        period.buckets().stream().map(bucket -> new Report.Point<>(bucket.start(), bucket.end(), point.apply(bucket)))
            .toList());
  }

  private Slice slice(Period period, Scope scope, boolean bucketed) {
    return new Slice(period.from(), period.to(), period.alignedStart(), bucketed ? period.interval().code() : null,
        period.interval().seconds(), scope.services(), scope.withRestricted(), now());
  }

  private static <T> Map<Long, T> byBucket(List<T> rows, Function<T, Long> bucket) {
    return rows.stream().collect(Collectors.toMap(bucket, row -> row));
  }

  private static long sum(List<IncidentCounts> rows, java.util.function.ToLongFunction<IncidentCounts> field) {
    return rows.stream().mapToLong(field).sum();
  }

  private static Count sumCounts(java.util.Collection<Count> counts) {
    return new Count(0, counts.stream().mapToLong(Count::total).sum(), counts.stream().mapToLong(Count::part).sum());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
