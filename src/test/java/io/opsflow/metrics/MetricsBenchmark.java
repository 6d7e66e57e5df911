package io.opsflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opsflow.support.Benchmarks;
import io.opsflow.support.TestDatabase;

/**
 * The figures at scale on MariaDB (issue 14): 100,000 incidents, 50,000 changes and their history
 * over two years ({@link MetricsAtScale}); prints the load time, the load average before and
 * after, p50/p95/max of every call over 90 days (delivery, incidents, practice; overall, the busiest
 * service, one team; by day, by week and by month; N runs after a warm-up, a Markdown table) and the
 * plans' full scans; asserts only that there are none (timings are printed, never asserted). Its name
 * matches no test pattern, so a build does not run it:
 * {@code OPSFLOW_TEST_DB_SUFFIX=_me ./mvnw -q test -Dtest=MetricsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dbench.incidents=}, {@code -Dbench.changes=}, {@code -Dbench.runs=}, {@code -Dbench.warmup=};
 * {@code -Dbench.only=delivery} times only the calls whose name starts so; {@code -Dbench.statements=true}
 * then times each statement of the mapper alone (for each scope, by day; with {@code bench.only}, those
 * whose name starts so); {@code -Dbench.explain=true} prints every plan; {@code -Dbench.keep=true} keeps
 * the database {@code opsflow_mbench}.
 */
@Tag("benchmark")
class MetricsBenchmark extends MetricsAtScale {

  static final String DATABASE = TestDatabase.name("opsflow_mbench");
  static final int INCIDENTS = Integer.getInteger("bench.incidents", 100_000);
  static final int CHANGES = Integer.getInteger("bench.changes", 50_000);
  static final int RUNS = Integer.getInteger("bench.runs", 30);
  static final int WARM_UP = Integer.getInteger("bench.warmup", 5);
  static final String ONLY = System.getProperty("bench.only", "");
  static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Benchmarks.database(registry, DATABASE);
  }

  @AfterAll
  static void drop() {
    Benchmarks.drop(DATABASE);
  }

  @Test
  void printFiguresTimesAtScale() throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long start = System.nanoTime();
    load(jdbc, INCIDENTS, CHANGES);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%n== Figures at scale, loaded in %.0f s: %s%n", loadSeconds, String.join(", ",
        Arrays.stream(new String[] {"incident", "incident_timeline", "change_request", "retrospective", "action_item"})
            .map(table -> String.format("%,d %s", jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class), table))
            .toList()));
    System.out.printf("in the 90 days: %,d incidents, %,d deployments; %s: %,d incidents, %,d deployments%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE opened_at >= ?", Long.class, ts(FROM)),
        jdbc.queryForObject("SELECT COUNT(*) FROM change_request WHERE deployed_at >= ?", Long.class, ts(FROM)), BUSIEST,
        jdbc.queryForObject("SELECT COUNT(*) FROM incident WHERE opened_at >= ? AND service_key = ?", Long.class, ts(FROM),
            BUSIEST),
        jdbc.queryForObject("SELECT COUNT(*) FROM change_request WHERE deployed_at >= ? AND service_key = ?", Long.class,
            ts(FROM), BUSIEST));

    // the plans first: a full scan is what makes a call too slow to time
    List<String> scans = fullScans(Boolean.getBoolean("bench.explain"));
    System.out.println("\nfull scans of big tables: " + (scans.isEmpty() ? "none" : "\n" + String.join("\n", scans)));
    assertThat(scans).isEmpty();

    Map<String, Supplier<Object>> calls = calls();
    calls.keySet().removeIf(name -> !name.startsWith(ONLY));
    // what each call costs whatever else loads the machine
    System.out.println("\n| call, 90 days | rows read (Handler_read_*) |\n|---|---:|");
    calls.forEach((name, call) -> System.out.printf("| %s | %,d |%n", name, rowsRead(call)));
    Benchmarks.time("call, 90 days", calls, RUNS, WARM_UP);
    if (STATEMENTS) {
      Map<String, Supplier<Object>> statements = statementCalls();
      statements.keySet().removeIf(name -> !name.startsWith(ONLY));
      Benchmarks.time("statement, 90 days", statements, RUNS, WARM_UP);
    }
  }

  private static java.sql.Timestamp ts(java.time.Instant instant) {
    return java.sql.Timestamp.from(instant);
  }
}
