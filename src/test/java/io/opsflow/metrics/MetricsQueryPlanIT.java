package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opsflow.change.persistence.ChangeMapper;
import io.opsflow.incident.IncidentState;
import io.opsflow.incident.persistence.IncidentMapper;
import io.opsflow.support.Benchmarks;
import io.opsflow.support.TestDatabase;

/**
 * The figures' SQL reads ranges of indexes, never a whole big table, on MariaDB: with the two-year
 * history of {@link MetricsBenchmark} ({@link MetricsAtScale}; written in about a minute, and kept for the next
 * run while its fingerprint holds: same sizes, day, loader, migrations and Camunda schema) the EXPLAIN
 * of every statement, for everything, a service and a team, by day and in total, has no full scan of
 * incident, incident_timeline, change_request, retrospective, action_item or plan_activation. The
 * full size, not a tenth: with 10,000 incidents MariaDB still chose the index ranges the 100,000 made
 * it give up, so a smaller history would not catch what the benchmark found. Every call the
 * benchmark times answers here once too, with figures from the history, so the benchmark cannot rot
 * unnoticed (no timing is asserted). Over the same history, the list, detail and gate queries of
 * incidents and changes (the API calls bench/run times, issue 16) read index ranges too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsQueryPlanIT extends MetricsAtScale {

  /** More rows than this read by one table of a list or detail query is a scan, whatever its access type. */
  static final long MOST_ROWS_READ = 1_000;

  static final String DATABASE = TestDatabase.name("opsflow_mbench_ci");
  static final int INCIDENTS = 100_000;
  static final int CHANGES = 50_000;
  static final String FINGERPRINT = fingerprint(INCIDENTS, CHANGES);
  /** Whether the database of the last run holds this run's history already (same fingerprint). */
  private static boolean kept;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    kept = Benchmarks.keptDatabase(registry, DATABASE, FINGERPRINT);
  }

  /**
   * The history takes about a minute to write: it is kept for the next run (of the same day, code and schema), as
   * written and analysed, since nothing here changes it.
   */
  @BeforeAll
  void loadHistory() {
    if (!kept) {
      load(new JdbcTemplate(dataSource), INCIDENTS, CHANGES);
      Benchmarks.fingerprintLoaded(DATABASE, FINGERPRINT);
    }
  }

  @Test
  void everyStatementReadsIndexRangesAndEveryCallAnswers() throws SQLException {
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

  @Test
  void incidentAndChangeListsDetailsAndGateReadIndexRanges() throws SQLException {
    String incidents = IncidentMapper.class.getName() + ".";
    String changes = ChangeMapper.class.getName() + ".";
    Map<String, Map<String, Object>> statements = new LinkedHashMap<>();
    for (IncidentState state : new IncidentState[] {IncidentState.OPEN, IncidentState.CLOSED, null}) {
      for (String service : new String[] {null, BUSIEST}) {
        for (boolean withRestricted : new boolean[] {true, false}) {
          statements.put("incidents " + state + " of " + service + (withRestricted ? "" : " without restricted"),
              params(incidents + "list", "state", state, "service", service, "limit", 50, "withRestricted",
                  withRestricted));
        }
      }
    }
    for (String state : new String[] {"open", "closed", null}) {
      for (String service : new String[] {null, BUSIEST}) {
        statements.put("changes " + state + " of " + service, params(changes + "list", "state", state, "service",
            service, "limit", 50));
      }
    }
    statements.put("incident detail", params(incidents + "find", "key", "INC-B-0050000"));
    statements.put("incident alerts", params(incidents + "alerts", "key", "INC-B-0050000"));
    statements.put("incident timeline", params(incidents + "timeline", "key", "INC-B-0050000"));
    statements.put("change detail and gate", params(changes + "find", "key", "CHG-B-0025000"));
    statements.put("change approvals", params(changes + "approvals", "key", "CHG-B-0025000"));
    statements.put("change timeline", params(changes + "timeline", "key", "CHG-B-0025000"));

    List<String> scans = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> statement : statements.entrySet()) {
      Map<String, Object> parameters = new HashMap<>(statement.getValue());
      Benchmarks.Plan plan = Benchmarks.explain(sessions, dataSource, (String) parameters.remove("#statement"),
          parameters);
      for (List<String> row : plan.rows()) {
        // columns: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra
        long rows = row.get(8) == null || row.get(8).equals("null") ? 0 : Long.parseLong(row.get(8));
        // a list walks an index in its order and stops at its LIMIT: EXPLAIN's estimate ignores the LIMIT, so
        // only a sort of that many rows (or a statement without LIMIT reading that many) is a scan
        boolean sorts = row.get(9) != null && row.get(9).contains("filesort");
        boolean limited = plan.sql().toUpperCase(java.util.Locale.ROOT).contains("LIMIT");
        if (row.get(3).equals("ALL") || rows > MOST_ROWS_READ && (sorts || !limited)) {
          scans.add(statement.getKey() + ": " + row.get(3) + " on " + row.get(2) + " (" + rows + " rows, "
              + row.get(9) + ") in " + plan.sql().replaceAll("\\s+", " ").trim());
        }
      }
    }
    assertThat(scans).isEmpty();
  }

  private static Map<String, Object> params(String statement, Object... namesAndValues) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("#statement", statement);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return parameters;
  }
}
