package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.apache.ibatis.session.SqlSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.opsflow.change.ApprovalRoute;
import io.opsflow.change.ChangeClosed;
import io.opsflow.change.ChangeOutcome;
import io.opsflow.change.ChangeType;
import io.opsflow.change.DeploymentReported;
import io.opsflow.change.DeploymentStatus;
import io.opsflow.emergency.EmergencyPlans;
import io.opsflow.metrics.persistence.DeploymentIncidentMapper;
import io.opsflow.metrics.persistence.MetricsMapper;
import io.opsflow.support.H2Database;

/**
 * Every figure on a small history whose answers were worked out by hand (in the comments), on H2;
 * the same SQL runs on MariaDB in {@code MetricsApiIT}. The period is two weeks from Monday
 * 2026-02-02 to Monday 2026-02-16, by week; "now" is 2026-03-01, so every target is decided.
 */
class FiguresTest {

  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final Period TWO_WEEKS = new Period(at("2026-02-02T00:00"), at("2026-02-16T00:00"), Interval.WEEK);
  private static final Scope SERVICE_A = new Scope(List.of("svc-a"), Set.of("dev", "ops"), true);

  private SqlSession session;
  private JdbcTemplate db;
  private EmergencyPlans plans;
  private DeploymentIncidents links;
  private History history;
  private Figures figures;

  @BeforeEach
  void history() {
    JdbcDataSource h2 = H2Database.fresh("figures");
    H2Database.migrate(h2, null);
    session = H2Database.session(h2, MetricsMapper.class, DeploymentIncidentMapper.class);
    db = new JdbcTemplate(h2);
    links = new DeploymentIncidents(session.getMapper(DeploymentIncidentMapper.class));
    history = new History(db, links);
    plans = mock(EmergencyPlans.class);
    when(plans.plans()).thenReturn(List.of(plan("plan-a", "ops", 30), plan("plan-b", "team-b", 90),
        plan("plan-c", "dev", 7)));
    figures = new Figures(session.getMapper(MetricsMapper.class), plans, Clock.fixed(NOW, ZoneOffset.UTC));
    history.service("svc-a", "dev");
    history.service("svc-b", "team-b");
  }

  @AfterEach
  void close() {
    session.close();
  }

  /** Deployments (verification window 60 min) and the incidents they caused. */
  private void deliveryHistory() {
    // C1: lead 2 h, nothing went wrong
    history.change("C1", "svc-a", "normal", "succeeded", "2026-02-02T10:00", "2026-02-02T08:00", null, null, null, null);
    // C2: lead 48 h; two incidents in its window (failed once), the last resolved 2 h after the deployment
    history.change("C2", "svc-a", "normal", "succeeded", "2026-02-03T10:00", "2026-02-01T10:00", null, null, null, null);
    history.incident("I2a", "svc-a", "2026-02-03T10:10", "P2", "alertmanager", "2026-02-03T10:15", "2026-02-03T11:00", 30, 240);
    history.incident("I2b", "svc-a", "2026-02-03T10:20", "P2", "api", "2026-02-03T11:00", "2026-02-03T12:00", 30, 240);
    // C3: the deployment failed and opened I3, resolved after 30 min; no commit time
    history.change("C3", "svc-a", "normal", "failed", "2026-02-04T10:00", null, null, "I3", "failed", null);
    history.incident("I3", "svc-a", "2026-02-04T10:05", "P1", "change", "2026-02-04T10:10", "2026-02-04T10:30", 15, 60);
    // C4: lead 1 h, rolled back (no incident): recovered when the change closed, 1 h later
    history.change("C4", "svc-a", "normal", "succeeded", "2026-02-10T10:00", "2026-02-10T09:00", null, null, "rolled-back",
        "2026-02-10T11:00");
    // C5: an emergency change for I2b, lead 30 min: rework
    history.change("C5", "svc-a", "emergency", "succeeded", "2026-02-11T10:00", "2026-02-11T09:30", "I2b", null, null, null);
    // C6: another service's deployment
    history.change("C6", "svc-b", "normal", "succeeded", "2026-02-12T10:00", null, null, null, null, null);
    // outside the period, and a change never deployed
    history.change("C7", "svc-a", "normal", "succeeded", "2026-02-20T10:00", "2026-02-20T09:00", null, null, null, null);
    history.change("C8", "svc-a", "normal", null, null, null, null, null, null, null);
  }

  @Test
  void deliveryFiguresOfTheWholePeriod() {
    deliveryHistory();

    assertDeliveryOfTheWholePeriod(figures.delivery(TWO_WEEKS, Scope.all()).figures());
  }

  private static void assertDeliveryOfTheWholePeriod(DeliveryFigures all) {
    // C1, C2, C4, C5, C6 succeeded: 5 in 14 days; weekly or more often is high
    assertThat(all.deploymentFrequency()).isEqualTo(new Figure(5 / 14.0, "per day", Band.HIGH, null, 5));
    // C5 1800, C4 3600, C1 7200, C2 172800: median at rank 2, p90 at rank 4
    assertThat(all.changeLeadTime()).isEqualTo(new Figure(3600.0, "seconds", Band.ELITE, 172_800.0, 4));
    // C2 (two incidents, once), C3 (failed), C4 (rolled back) of 6 deployments
    assertThat(all.changeFailRate()).isEqualTo(new Figure(0.5, "ratio", Band.LOW, null, 6));
    // C3 1800, C4 3600, C2 7200: median at rank 2, p90 at rank 3
    assertThat(all.failedDeploymentRecoveryTime()).isEqualTo(new Figure(3600.0, "seconds", Band.HIGH, 7200.0, 3));
    // C5 of 6
    assertThat(all.deploymentReworkRate()).isEqualTo(new Figure(1 / 6.0, "ratio", null, null, 6));
  }

  @Test
  void deliveryFiguresPerWeekAndPerService() {
    deliveryHistory();

    Report<DeliveryFigures> report = figures.delivery(TWO_WEEKS, Scope.all());
    assertThat(report.series()).extracting(Report.Point::start)
        .containsExactly(at("2026-02-02T00:00"), at("2026-02-09T00:00"));
    DeliveryFigures first = report.series().get(0).figures();
    DeliveryFigures second = report.series().get(1).figures();
    assertThat(first.deploymentFrequency().value()).isEqualTo(2 / 7.0);
    assertThat(first.changeFailRate()).isEqualTo(new Figure(2 / 3.0, "ratio", Band.LOW, null, 3));
    assertThat(first.changeLeadTime()).isEqualTo(new Figure(7200.0, "seconds", Band.ELITE, 172_800.0, 2));
    assertThat(second.changeFailRate()).isEqualTo(new Figure(1 / 3.0, "ratio", Band.MEDIUM, null, 3));
    assertThat(second.changeLeadTime()).isEqualTo(new Figure(1800.0, "seconds", Band.ELITE, 3600.0, 2));
    assertThat(second.deploymentReworkRate().value()).isEqualTo(1 / 3.0);

    DeliveryFigures b = figures.delivery(TWO_WEEKS, new Scope(List.of("svc-b"), Set.of("team-b"), true)).figures();
    assertThat(b.deploymentFrequency().count()).isOne();
    assertThat(b.changeFailRate()).isEqualTo(new Figure(0.0, "ratio", Band.ELITE, null, 1));
    assertThat(b.changeLeadTime()).isEqualTo(new Figure(null, "seconds", null, null, 0));
  }

  @Test
  void noDeploymentsIsALowFrequencyAndNoRates() {
    DeliveryFigures none = figures.delivery(TWO_WEEKS, Scope.all()).figures();

    assertThat(none.deploymentFrequency()).isEqualTo(new Figure(0.0, "per day", Band.LOW, null, 0));
    assertThat(none.changeFailRate()).isEqualTo(new Figure(null, "ratio", null, null, 0));
    assertThat(none.failedDeploymentRecoveryTime()).isEqualTo(new Figure(null, "seconds", null, null, 0));
    assertThat(none.deploymentReworkRate()).isEqualTo(new Figure(null, "ratio", null, null, 0));
  }

  @Test
  void aFailedDeploymentNotRecoveredYetIsNotMeasured() {
    history.change("C9", "svc-a", "normal", "failed", "2026-02-05T10:00", null, null, "I9", null, null);
    history.incident("I9", "svc-a", "2026-02-05T10:01", "P1", "change", "2026-02-05T10:02", null, 15, 60);

    DeliveryFigures one = figures.delivery(TWO_WEEKS, Scope.all()).figures();

    assertThat(one.changeFailRate()).isEqualTo(new Figure(1.0, "ratio", Band.LOW, null, 1));
    assertThat(one.failedDeploymentRecoveryTime().count()).isZero();
  }

  @Test
  void anIncidentOpenedBeforeTheDeploymentIsReportedIsLinkedWhenTheReportArrives() {
    // the pipeline reports a deployment of 10:00 late, after I1 (10:10) and I2 (11:00, past the 60 min window)
    history.incident("I1", "svc-a", "2026-02-03T10:10", "P2", "alertmanager", "2026-02-03T10:15", "2026-02-03T11:30", 30, 240);
    history.incident("I2", "svc-a", "2026-02-03T11:00", "P2", "alertmanager", null, null, 30, 240);
    history.incident("IB", "svc-b", "2026-02-03T10:10", "P2", "alertmanager", null, null, 30, 240);
    assertThat(links()).isEmpty();

    history.change("C1", "svc-a", "normal", "succeeded", "2026-02-03T10:00", null, null, null, null, null);

    assertThat(links()).containsExactly("C1>I1");
    DeliveryFigures all = figures.delivery(TWO_WEEKS, Scope.all()).figures();
    assertThat(all.changeFailRate()).isEqualTo(new Figure(1.0, "ratio", Band.LOW, null, 1));
    // recovered when I1 was resolved, 90 min after the deployment
    assertThat(all.failedDeploymentRecoveryTime()).isEqualTo(new Figure(5400.0, "seconds", Band.HIGH, 5400.0, 1));
  }

  @Test
  void aDeploymentIsLinkedToTheIncidentsOpenedInItsWindowOnceEach() {
    history.change("C1", "svc-a", "normal", "succeeded", "2026-02-03T10:00", null, null, null, null, null);
    history.change("C2", "svc-a", "normal", "succeeded", "2026-02-03T10:30", null, null, null, null, null);
    history.change("CB", "svc-b", "normal", "succeeded", "2026-02-03T10:00", null, null, null, null, null);
    assertThat(links()).isEmpty();

    // in both windows (10:00-11:00 and 10:30-11:30), then in C2's only, then on the edge of C2's
    history.incident("I1", "svc-a", "2026-02-03T10:45", "P2", "alertmanager", null, null, 30, 240);
    history.incident("I2", "svc-a", "2026-02-03T11:00", "P2", "alertmanager", null, null, 30, 240);
    history.incident("I3", "svc-a", "2026-02-03T11:30", "P2", "alertmanager", null, null, 30, 240);
    // told again (a second report, the change closing after its window): nothing new
    links.on(new ChangeClosed("C1", "svc-a", ChangeType.NORMAL, ApprovalRoute.PEER, ChangeOutcome.SUCCEEDED, null,
        at("2026-02-03T10:00"), at("2026-02-03T12:00")));
    links.on(new DeploymentReported("C2", "svc-a", DeploymentStatus.SUCCEEDED, at("2026-02-03T10:30")));

    assertThat(links()).containsExactly("C1>I1", "C2>I1", "C2>I2");
    DeliveryFigures all = figures.delivery(TWO_WEEKS, Scope.all()).figures();
    // C1 and C2 failed (once each), CB did not; none recovered yet
    assertThat(all.changeFailRate()).isEqualTo(new Figure(2 / 3.0, "ratio", Band.LOW, null, 3));
    assertThat(all.failedDeploymentRecoveryTime().count()).isZero();
  }

  @Test
  void theMigrationBackFillsLinksAndEscalationsOfAHistoryWrittenBefore() {
    JdbcDataSource h2 = H2Database.fresh("figures-backfill");
    H2Database.migrate(h2, "31");
    JdbcTemplate before = new JdbcTemplate(h2);
    History old = new History(before, null);
    old.service("svc-a", "dev");
    old.service("svc-b", "team-b");
    history = old;
    db = before;
    incidentHistory();

    H2Database.migrate(h2, null);

    assertThat(before.queryForList("SELECT CONCAT(change_key, '>', incident_key) FROM deployment_incident"
        + " ORDER BY 1", String.class)).containsExactly("C2>I2a", "C2>I2b", "C3>I3", "C7>I7");
    assertThat(before.queryForList("SELECT incident_key FROM incident WHERE escalated ORDER BY 1", String.class))
        .containsExactly("I2b", "I4");
    try (SqlSession migrated = H2Database.session(h2, MetricsMapper.class)) {
      Figures backFilled = new Figures(migrated.getMapper(MetricsMapper.class), plans, Clock.fixed(NOW, ZoneOffset.UTC));
      assertDeliveryOfTheWholePeriod(backFilled.delivery(TWO_WEEKS, Scope.all()).figures());
      assertThat(backFilled.incidents(TWO_WEEKS, Scope.all()).figures().escalations())
          .isEqualTo(new Figure(2.0, "incidents", null, null, 6));
    }
  }

  /** The delivery history's incidents (I2a, I2b, I3) and these. */
  private void incidentHistory() {
    deliveryHistory();
    history.timeline("I2b", "escalated");
    history.timeline("I2b", "escalated");
    // I4: never acknowledged nor resolved, both targets long past: missed twice, not in MTTA or MTTR
    history.incident("I4", "svc-b", "2026-02-10T09:00", "P3", "feedback", null, null, 60, 1440);
    history.timeline("I4", "escalated");
    // I5: not prioritised yet
    history.incident("I5", "svc-a", "2026-02-10T12:00", null, "tasklist", null, null, null, null);
    // I6: restricted (security), acknowledged after 60 s, resolved after 30 min, both in time
    history.incident("I6", "svc-a", "2026-02-11T15:00", "P1", "api", "2026-02-11T15:01", "2026-02-11T15:30", 15, 60);
    db.update("UPDATE incident SET restricted = TRUE WHERE incident_key = 'I6'");
    history.incident("I7", "svc-a", "2026-02-20T10:00", "P1", "api", null, null, 15, 60);
  }

  @Test
  void incidentFiguresWithRestrictedIncidents() {
    incidentHistory();

    IncidentFigures all = figures.incidents(TWO_WEEKS, Scope.all()).figures();

    // acknowledged: I6 60, I2a 300, I3 300, I2b 2400 (I4 and I5 never)
    assertThat(all.mtta()).isEqualTo(new Figure(300.0, "seconds", null, 2400.0, 4));
    // resolved: I3 1500, I6 1800, I2a 3000, I2b 6000
    assertThat(all.mttr()).isEqualTo(new Figure(1800.0, "seconds", null, 6000.0, 4));
    assertThat(all.slaAttainment().get("P1")).isEqualTo(new IncidentFigures.Sla(Figure.ratio(2, 2), Figure.ratio(2, 2)));
    // I2b acknowledged 40 min after opening, its target was 30
    assertThat(all.slaAttainment().get("P2")).isEqualTo(new IncidentFigures.Sla(Figure.ratio(1, 2), Figure.ratio(2, 2)));
    assertThat(all.slaAttainment().get("P3")).isEqualTo(new IncidentFigures.Sla(Figure.ratio(0, 1), Figure.ratio(0, 1)));
    assertThat(all.slaAttainment().get("P4").acknowledge().value()).isNull();
    assertThat(all.incidentsByPriority()).extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().count())
        .containsExactly("P1=2", "P2=2", "P3=1", "P4=0", "none=1");
    assertThat(all.incidentsBySource()).extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().count())
        .containsExactly("alert=1", "person=3", "failedChange=1", "feedback=1");
    // I2b (twice, counted once) and I4 of 6 incidents
    assertThat(all.escalations()).isEqualTo(new Figure(2.0, "incidents", null, null, 6));
  }

  @Test
  void incidentFiguresWithoutRestrictedOnesAndPerWeek() {
    incidentHistory();

    Report<IncidentFigures> report = figures.incidents(TWO_WEEKS, new Scope(null, null, false));
    IncidentFigures open = report.figures();

    // without I6: 300, 300, 2400 and 1500, 3000, 6000
    assertThat(open.mtta()).isEqualTo(new Figure(300.0, "seconds", null, 2400.0, 3));
    assertThat(open.mttr()).isEqualTo(new Figure(3000.0, "seconds", null, 6000.0, 3));
    assertThat(open.incidentsByPriority().get("P1").count()).isOne();
    IncidentFigures second = report.series().get(1).figures();
    assertThat(second.incidentsBySource().get("feedback").count()).isOne();
    assertThat(second.mtta().count()).isZero();
    assertThat(second.escalations()).isEqualTo(new Figure(1.0, "incidents", null, null, 2));
  }

  @Test
  void anIncidentResolvedWithoutAcknowledgementIsMeasuredInMttrOnly() {
    history.incident("I1", "svc-a", "2026-02-03T10:00", "P2", "api", null, "2026-02-03T10:40", 30, 240);
    history.incident("I2", "svc-a", "2026-02-10T10:00", "P2", "api", "2026-02-10T10:10", "2026-02-10T11:00", 30, 240);

    Report<IncidentFigures> report = figures.incidents(TWO_WEEKS, Scope.all());

    // resolved: I1 2400, I2 3600; acknowledged: I2 600 only
    assertThat(report.figures().mttr()).isEqualTo(new Figure(2400.0, "seconds", null, 3600.0, 2));
    assertThat(report.figures().mtta()).isEqualTo(new Figure(600.0, "seconds", null, 600.0, 1));
    assertThat(report.series().get(0).figures().mtta()).isEqualTo(new Figure(null, "seconds", null, null, 0));
    assertThat(report.series().get(0).figures().mttr()).isEqualTo(new Figure(2400.0, "seconds", null, 2400.0, 1));
    // I1's acknowledgement target passed without one
    assertThat(report.figures().slaAttainment().get("P2"))
        .isEqualTo(new IncidentFigures.Sla(Figure.ratio(1, 2), Figure.ratio(2, 2)));
  }

  private void practiceHistory() {
    history.retrospective("R1", "svc-a", "closed", "2026-02-05T12:00");
    history.retrospective("R2", "svc-b", "improving", null);
    history.retrospective("R3", "svc-a", "closed", "2026-02-20T12:00");
    history.item("A1", "R1", "2026-02-03", "2026-02-03T18:00"); // on time
    history.item("A2", "R1", "2026-02-05", "2026-02-07T09:00"); // late: overdue Feb 6 to 7
    history.item("A3", "R1", "2026-02-10", null); // late, overdue from Feb 11
    history.item("A4", "R2", "2026-02-12", "2026-02-12T08:00"); // on time
    history.item("A5", "R2", "2026-02-20", null); // due after the period
    history.item("A6", "R1", "2026-01-20", null); // due before, overdue all along
    history.item("A7", "R1", "2026-02-01", "2026-02-03T00:00"); // due before, closed in week one
    // plan-a (30 days): drilled Jan 10, within 30 days of Feb 9 but not of Feb 16
    history.drill("plan-a", true, "2026-01-10T10:00", "2026-01-10T11:00");
    // plan-b (90 days): drilled Feb 12
    history.drill("plan-b", true, "2026-02-12T10:00", "2026-02-12T11:00");
    // plan-c (7 days): a real activation, and a drill that ended only after the period
    history.drill("plan-c", false, "2026-02-14T10:00", "2026-02-14T11:00");
    history.drill("plan-c", true, "2026-02-15T23:00", "2026-02-16T01:00");
  }

  @Test
  void practiceFigures() {
    practiceHistory();

    Report<PracticeFigures> report = figures.practice(TWO_WEEKS, Scope.all());

    // plan-b of three plans at Feb 16
    assertThat(report.figures().drillCompliance()).isEqualTo(Figure.ratio(1, 3));
    // due Feb 2 to 15: A1, A2, A3, A4; on time A1 and A4
    assertThat(report.figures().actionItemsOnTime()).isEqualTo(Figure.ratio(2, 4));
    // at Feb 16: A3 and A6
    assertThat(report.figures().overdueActionItems()).isEqualTo(Figure.number(2, "action items"));
    assertThat(report.figures().retrospectivesCompleted()).isEqualTo(Figure.number(1, "retrospectives"));

    PracticeFigures first = report.series().get(0).figures();
    assertThat(first.drillCompliance()).isEqualTo(Figure.ratio(1, 3)); // plan-a at Feb 9
    assertThat(first.actionItemsOnTime()).isEqualTo(Figure.ratio(1, 2)); // A1 yes, A2 no
    assertThat(first.overdueActionItems()).isEqualTo(Figure.number(1, "action items")); // A6 only at Feb 9
    assertThat(first.retrospectivesCompleted().count()).isOne();
    PracticeFigures second = report.series().get(1).figures();
    assertThat(second.actionItemsOnTime()).isEqualTo(Figure.ratio(1, 2)); // A3 no, A4 yes
    assertThat(second.overdueActionItems().count()).isEqualTo(2);
    assertThat(second.retrospectivesCompleted().count()).isZero();
  }

  @Test
  void overdueActionItemsAtTheEndOfEachDay() {
    practiceHistory();
    // A8: added on Feb 5 at noon with a due day already past: overdue from then on
    history.item("A8", "R1", "2026-02-01", null, "2026-02-05T12:00");

    Report<PracticeFigures> report = figures.practice(new Period(at("2026-02-02T00:00"), at("2026-02-09T00:00"),
        Interval.DAY), Scope.all());

    // A6 all along; A2 at the ends of Feb 5 and 6 (verified Feb 7 09:00); A8 from the end of Feb 5; never A1
    // (verified on its due day) nor A7 (due Feb 1, verified at the first moment, the end of Feb 2)
    assertThat(report.series()).extracting(point -> point.figures().overdueActionItems().count())
        .containsExactly(1L, 1L, 1L, 3L, 3L, 2L, 2L);
    assertThat(report.figures().overdueActionItems()).isEqualTo(Figure.number(2, "action items"));
  }

  @Test
  void practiceFiguresOfOneServiceCountItsGroupsPlans() {
    practiceHistory();

    Report<PracticeFigures> report = figures.practice(TWO_WEEKS, SERVICE_A);

    // plans of dev and ops: plan-a and plan-c, neither at Feb 16; plan-a at Feb 9
    assertThat(report.figures().drillCompliance()).isEqualTo(Figure.ratio(0, 2));
    assertThat(report.series().get(0).figures().drillCompliance()).isEqualTo(Figure.ratio(1, 2));
    assertThat(report.figures().actionItemsOnTime()).isEqualTo(Figure.ratio(1, 3));
    assertThat(report.figures().overdueActionItems().count()).isEqualTo(2);
  }

  @Test
  void aPeriodReachingPastNowCountsUntilNow() {
    practiceHistory();
    Period future = new Period(at("2026-02-16T00:00"), at("2026-03-16T00:00"), Interval.WEEK);

    Report<PracticeFigures> report = figures.practice(future, Scope.all());

    // at now (Mar 1): A3 and A6 overdue, A5 (due Feb 20) too
    assertThat(report.figures().overdueActionItems().count()).isEqualTo(3);
    assertThat(report.series().get(3).figures().overdueActionItems().value()).isNull();
    assertThat(report.figures().retrospectivesCompleted().count()).isOne();
  }

  @Test
  void monthsAndDaysAsIntervals() {
    deliveryHistory();

    Report<DeliveryFigures> months = figures.delivery(new Period(at("2026-01-15T00:00"), at("2026-03-15T00:00"),
        Interval.MONTH), Scope.all());
    assertThat(months.series()).extracting(point -> point.figures().deploymentFrequency().count())
        .containsExactly(0L, 6L, 0L);
    assertThat(months.series().get(1).figures().deploymentFrequency().value()).isEqualTo(6 / 28.0);

    Report<DeliveryFigures> days = figures.delivery(new Period(at("2026-02-03T06:00"), at("2026-02-05T00:00"),
        Interval.DAY), Scope.all());
    assertThat(days.series()).extracting(point -> point.figures().changeFailRate().count()).containsExactly(1L, 1L);
    assertThat(days.series().get(0).start()).isEqualTo(at("2026-02-03T06:00"));
  }

  // --- the history

  private List<String> links() {
    return db.queryForList("SELECT CONCAT(change_key, '>', incident_key) FROM deployment_incident ORDER BY 1",
        String.class);
  }

  private static Instant at(String minute) {
    return History.at(minute);
  }

  private static EmergencyPlans.Plan plan(String key, String owner, int days) {
    return new EmergencyPlans.Plan(key, key, owner, days, null, NOW, false);
  }
}
