package io.opsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * bench/run cannot rot: the same harness as {@link PerformanceBenchmark}, with counts small enough
 * for every build, starts the packaged jar and the bare Camunda app, measures every figure and
 * writes the table and the JSON with every row. No timing is asserted; every operation must succeed.
 */
class BenchIT {

  static final List<String> ROWS = List.of("raw-commits-1", "raw-commits-8", "new-alerts-1", "new-alerts-8",
      "new-alerts-scaling", "repeat-alerts-1", "repeat-alerts-8", "lifecycle-1", "lifecycle-8", "gate-saturated",
      "gate-p50", "gate-p99", "start-up", "history-openIncidents", "history-allIncidents", "history-incidentDetail",
      "history-openChanges", "history-changeDetail", "history-gateAtScale", "heap-idle", "rss-idle", "heap-load",
      "rss-load");

  @TempDir
  Path workDir;

  @Test
  void everyFigureIsMeasuredAndWrittenAsTableAndJson() throws Exception {
    JsonNode results = Bench.run(Bench.Setting.CI, "opsflow_bench_ci", workDir);

    List<String> rows = new ArrayList<>(ROWS);
    if (Bench.Setting.CI.restart()) {
      rows.add(rows.indexOf("start-up") + 1, "start-up-restart");
    }
    assertThat(Bench.rowIds(results)).containsExactlyElementsOf(rows);
    for (JsonNode row : results.path("rows")) {
      assertThat(row.path("failures").asLong()).as(row.toString()).isZero();
      assertThat(row.path("opsflow").isNumber()).as(row.toString()).isTrue();
      if (row.hasNonNull("baselineName")) {
        assertThat(row.path("baseline").isNumber()).as(row.toString()).isTrue();
      }
    }
    String table = Files.readString(Bench.OUT.resolve("results.md"));
    assertThat(table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| figure"))).hasSize(rows.size());
    assertThat(Files.readString(Bench.OUT.resolve("results.json"))).contains("\"loadAverageAfter\"");
  }
}
