package io.opsflow.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the benchmarks share ({@link BenchmarkApplication}): their own database, timing calls into a
 * Markdown table of p50/p95/max with the machine's load average, and the EXPLAIN of the SQL MyBatis
 * sends. Timings are printed, never asserted.
 */
public final class Benchmarks {

  private Benchmarks() {
  }

  /** Recreates the database on the ITs' server and points the application at it. */
  public static void database(DynamicPropertyRegistry registry, String name) {
    pointAt(registry, TestDatabase.recreate(name));
  }

  private static void pointAt(DynamicPropertyRegistry registry, String url) {
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
  }

  /**
   * Points the application at a database kept between runs: used as it is when it holds the data of this
   * fingerprint (written by {@link #fingerprintLoaded} after a complete load), dropped and created again
   * otherwise. Returns whether it was kept, so the caller loads only into a new one.
   */
  public static boolean keptDatabase(DynamicPropertyRegistry registry, String name, String fingerprint) {
    boolean kept;
    try {
      kept = TestDatabase.rows(name, "SELECT fingerprint FROM " + FINGERPRINT_TABLE).equals(List.of(List.of(fingerprint)));
    } catch (IllegalStateException noDatabaseOrNoCompleteLoad) {
      kept = false;
    }
    pointAt(registry, kept ? TestDatabase.url(name) : TestDatabase.recreate(name));
    return kept;
  }

  /** Says that the database holds the complete data of this fingerprint: the next run may keep it. */
  public static void fingerprintLoaded(String name, String fingerprint) {
    TestDatabase.execute(name, "CREATE TABLE " + FINGERPRINT_TABLE + " (fingerprint VARCHAR(64) NOT NULL)");
    TestDatabase.execute(name, "INSERT INTO " + FINGERPRINT_TABLE + " VALUES ('" + fingerprint + "')");
  }

  private static final String FINGERPRINT_TABLE = "bench_data_fingerprint";

  /** Drops the benchmark's database at the end, unless {@code -Dbench.keep=true} keeps it for a look. */
  public static void drop(String name) {
    if (!Boolean.getBoolean("bench.keep")) {
      TestDatabase.execute(name, "DROP DATABASE " + name);
    }
  }

  /** The machine's load average as {@code uptime} prints it (Linux), or "unknown". */
  public static String loadAverage() {
    try {
      String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (java.io.IOException | RuntimeException unreadable) {
      return "unknown";
    }
  }

  /**
   * Runs each call {@code warmUp} times, then {@code runs} times timed, and prints a Markdown table of
   * p50, p95 and max in milliseconds, with the load average before and after.
   */
  public static void time(String what, Map<String, Supplier<Object>> calls, int runs, int warmUp) {
    System.out.printf("%nN = %d runs each after %d warm-up runs, milliseconds; load average (1, 5, 15 min) %s%n%n",
        runs, warmUp, loadAverage());
    System.out.println("| " + what + " | p50 | p95 | max |");
    System.out.println("|---|---:|---:|---:|");
    calls.forEach((name, call) -> {
      for (int i = 0; i < warmUp; i++) {
        call.get();
      }
      double[] millis = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        call.get();
        millis[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf("| %s | %.1f | %.1f | %.1f |%n", name, percentile(millis, 50), percentile(millis, 95),
          millis[runs - 1]);
    });
    System.out.printf("%nload average (1, 5, 15 min) after the runs: %s%n", loadAverage());
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** The EXPLAIN of one SQL statement: its column names and one row a table read, as text. */
  public record Plan(String sql, List<String> header, List<List<String>> rows) {

    /** Prints the plan under a title and the SQL it explains. */
    public void print(String title) {
      System.out.println("\n-- EXPLAIN " + title + ": " + sql.replaceAll("\\s+", " ").trim());
      System.out.println(String.join(" | ", header));
      rows.forEach(row -> System.out.println(String.join(" | ", row)));
    }
  }

  /** The EXPLAIN of the statement MyBatis builds for these parameters, bound by MyBatis. */
  public static Plan explain(SqlSessionFactory sessions, DataSource dataSource, String statement,
      Map<String, Object> parameters) throws SQLException {
    MappedStatement mapped = sessions.getConfiguration().getMappedStatement(statement);
    Map<String, Object> parameter = new HashMap<>(parameters);
    BoundSql bound = mapped.getBoundSql(parameter);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + bound.getSql())) {
      new DefaultParameterHandler(mapped, parameter, bound).setParameters(explain);
      try (ResultSet rows = explain.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        List<String> header = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          header.add(rows.getMetaData().getColumnLabel(c));
        }
        List<List<String>> plan = new ArrayList<>();
        while (rows.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(String.valueOf(rows.getString(c)));
          }
          plan.add(row);
        }
        return new Plan(bound.getSql(), header, plan);
      }
    }
  }
}
