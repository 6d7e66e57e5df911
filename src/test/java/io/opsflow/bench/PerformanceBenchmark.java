package io.opsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark of docs/performance.md, run by {@code bench/run} ({@code -Dbench.setting=full}
 * or {@code quick}). Its name matches no test pattern, so a build does not run it; {@link BenchIT}
 * runs the same harness with tiny counts in every build. Figures are printed and written to
 * target/bench, never asserted.
 */
@Tag("benchmark")
class PerformanceBenchmark {

  @Test
  void printsEveryFigureWithItsBaselineAndGoal() throws Exception {
    Path workDir = Files.createDirectories(Path.of("target", "bench", "work"));
    Bench.run(Bench.Setting.named(System.getProperty("bench.setting", "full")), "opsflow_bench", workDir);
  }
}
