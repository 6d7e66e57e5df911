package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opsflow.support.Benchmarks;
import io.opsflow.support.TestDatabase;

/**
 * The figures' SQL reads ranges of indexes, never a whole big table, on MariaDB: with the two-year
 * history of {@link MetricsBenchmark} ({@link MetricsAtScale}; written in about a minute) the EXPLAIN
 * of every statement, for everything, a service and a team, by day and in total, has no full scan of
 * incident, incident_timeline, change_request, retrospective, action_item or plan_activation. The
 * full size, not a tenth: with 10,000 incidents MariaDB still chose the index ranges the 100,000 made
 * it give up, so a smaller history would not catch what the benchmark found. Every call the
 * benchmark times answers here once too, with figures from the history, so the benchmark cannot rot
 * unnoticed (no timing is asserted).
 */
class MetricsQueryPlanIT extends MetricsAtScale {

  static final String DATABASE = TestDatabase.name("opsflow_mbench_ci");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Benchmarks.database(registry, DATABASE);
  }

  @AfterAll
  static void drop() {
    TestDatabase.execute(DATABASE, "DROP DATABASE " + DATABASE);
  }

  @Test
  void everyStatementReadsIndexRangesAndEveryCallAnswers() throws SQLException {
    load(new JdbcTemplate(dataSource), 100_000, 50_000);

    assertThat(fullScans(false)).isEmpty();

    Period period = new Period(FROM, END, Interval.WEEK);
    Report<DeliveryFigures> delivery = figures.delivery(period, Scope.all());
    assertThat(delivery.figures().deploymentFrequency().count()).isBetween(4_500L, 6_500L);
    assertThat(delivery.figures().changeFailRate().value()).isBetween(0.05, 0.5);
    assertThat(delivery.figures().failedDeploymentRecoveryTime().count()).isPositive();
    assertThat(delivery.figures().deploymentReworkRate().count()).isEqualTo(delivery.figures().changeFailRate().count());
    Report<IncidentFigures> incidents = figures.incidents(period, Scope.all());
    assertThat(incidents.figures().escalations().count()).isBetween(10_000L, 15_000L);
    assertThat(incidents.figures().mtta().value()).isPositive();
    assertThat(incidents.figures().slaAttainment().get("P3").acknowledge().value()).isBetween(0.5, 0.8);
    assertThat(figures.practice(period, Scope.all()).figures().actionItemsOnTime().count()).isPositive();
    calls().forEach((name, call) -> assertThat(call.get()).as(name).isNotNull());
  }
}
