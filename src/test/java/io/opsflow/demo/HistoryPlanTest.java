package io.opsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.opsflow.demo.HistoryPlan.Deployment;
import io.opsflow.demo.HistoryPlan.Outage;
import io.opsflow.demo.HistoryPlan.Result;
import io.opsflow.incident.IncidentSource;

/** The demo history's plan: the same every time, 90 days long, and as varied as a real team's quarter. */
class HistoryPlanTest {

  private static final Instant NOW = Instant.parse("2026-11-27T22:15:00Z");
  private final HistoryPlan plan = HistoryPlan.of(HistoryPlan.SEED, NOW);

  @Test
  void theSameSeedAndDayGiveTheSamePlanAndAnotherSeedAnother() {
    assertThat(HistoryPlan.of(HistoryPlan.SEED, NOW)).isEqualTo(plan);
    assertThat(HistoryPlan.of(HistoryPlan.SEED + 1, NOW).deployments()).isNotEqualTo(plan.deployments());
  }

  @Test
  void coversTheNinetyDaysBeforeNowAndNothingAfter() {
    assertThat(plan.from()).isEqualTo(Instant.parse("2026-08-29T00:00:00Z"));
    assertThat(plan.deployments()).allMatch(d -> !d.at().isBefore(plan.from()) && d.at().isBefore(NOW));
    assertThat(plan.outages()).allMatch(o -> !o.at().isBefore(plan.from()) && o.at().isBefore(NOW));
    assertThat(plan.deployments().get(0).at()).isBefore(plan.from().plus(Duration.ofDays(4)));
    assertThat(plan.deployments().get(plan.deployments().size() - 1).at()).isAfter(NOW.minus(Duration.ofDays(4)));
  }

  @Test
  void everyServiceDeploysSeveralTimesAWeekAndSomeDeploymentsGoWrong() {
    Map<String, Long> perService = plan.deployments().stream()
        .collect(Collectors.groupingBy(Deployment::service, Collectors.counting()));
    assertThat(perService).containsOnlyKeys("payments-api", "web-portal", "reporting");
    // working days only, and none in the National Day week
    assertThat(perService.values()).allMatch(count -> count >= 90 / 7 * 3 / 2);
    Map<Result, Long> results = plan.deployments().stream()
        .collect(Collectors.groupingBy(Deployment::result, Collectors.counting()));
    assertThat(results).containsOnlyKeys(Result.values());
    assertThat(results.get(Result.SUCCEEDED)).isGreaterThan(plan.deployments().size() * 3L / 4);
    assertThat(plan.deployments()).anyMatch(d -> d.plannedStart() != null && d.hasDbMigration());
    assertThat(plan.deployments()).allMatch(d -> d.sinceCommit().compareTo(Duration.ofMinutes(20)) >= 0);
  }

  @Test
  void incidentsComeFromEverySourceAtEveryLevelAndSomeMissTheirTargets() {
    assertThat(plan.outages()).hasSizeBetween(30, 90);
    assertThat(plan.outages()).extracting(Outage::source)
        .contains(IncidentSource.ALERTMANAGER, IncidentSource.API, IncidentSource.TASKLIST);
    assertThat(plan.outages()).anyMatch(o -> o.impact().equals("high") && o.urgency().equals("high"))
        .anyMatch(o -> o.impact().equals("low") && o.urgency().equals("low"));
    assertThat(plan.outages()).anyMatch(o -> o.acknowledgeShare() > 1).anyMatch(o -> o.resolveShare() > 1)
        .anyMatch(Outage::hotfix);
    assertThat(plan.outages().stream().filter(o -> o.acknowledgeShare() <= 1).count())
        .isGreaterThan(plan.outages().size() * 3L / 4);
  }

  @Test
  void nothingIsDeployedInAFreezeWindowAndOneLiesAhead() {
    assertThat(plan.freezeWindows()).anyMatch(window -> window.startsAt().isAfter(NOW));
    assertThat(plan.freezeWindows()).as("National Day 2026").anyMatch(window ->
        window.startsAt().equals(Instant.parse("2026-09-30T16:00:00Z")));
    assertThat(plan.deployments()).noneMatch(d -> plan.freezeWindows().stream()
        .anyMatch(window -> !d.at().isBefore(window.startsAt()) && d.at().isBefore(window.endsAt())));
  }

  @Test
  void twoPlansAreDrilledAndTheSecurityDrillIsLeftToSchedule() {
    assertThat(plan.drills()).filteredOn(HistoryPlan.Drill::held).extracting(HistoryPlan.Drill::planKey)
        .containsExactlyInAnyOrder("emergency-plan-database-failure", "emergency-plan-service-outage");
    assertThat(plan.drills()).filteredOn(drill -> !drill.held()).extracting(HistoryPlan.Drill::planKey)
        .containsExactly("emergency-plan-security-incident");
  }

  @Test
  void nobodyApprovesTheirOwnChangeAndOpsTakeTurnsWeekly() {
    Instant monday = Instant.parse("2026-11-23T03:00:00Z");
    String onCall = HistoryPlan.person("ops", monday, null);
    assertThat(HistoryPlan.person("ops", monday.plus(Duration.ofDays(7)), null)).isNotEqualTo(onCall);
    assertThat(HistoryPlan.person("ops", monday, onCall)).isNotEqualTo(onCall);
    assertThat(plan.deployments()).allMatch(d -> !HistoryPlan.person("ops", d.at(), d.requestedBy()).equals(d.requestedBy()));
  }
}
