package io.opsflow.feedback.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the analyser's quality and speed; asserts nothing (the README reports its figures). Run it
 * with {@code ./mvnw -q test -Dtest=FeedbackBenchmark -Dsurefire.failIfNoSpecifiedTests=false}: its
 * name matches no test pattern, so a normal build does not run it. Accuracy is on the held-out
 * halves only (an item called neutral is a miss); throughput is masking plus analysing, one thread,
 * after a warm-up, twice: per wall-clock second (what a quiet machine gives) and per CPU second of the
 * measuring thread ({@link ThreadMXBean#getCurrentThreadCpuTime()}), which does not drop when other
 * processes share the cores.
 */
@Tag("benchmark")
class FeedbackBenchmark {

  @Test
  void printQualityAndThroughput() {
    long loadStart = System.nanoTime();
    SentimentAnalyzer analyzer = SentimentAnalyzer.load();
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    List<Bench.Item> zh = Bench.items("zh-heldout.tsv");
    List<Bench.Item> en = Bench.items("en-heldout.tsv");
    List<Bench.Item> all = new ArrayList<>(zh);
    all.addAll(en);
    for (int i = 0; i < 20; i++) {
      all.forEach(item -> analyzer.analyze(PrivacyMask.mask(item.text())));
    }
    int rounds = 50;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      all.forEach(item -> analyzer.analyze(PrivacyMask.mask(item.text())));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.println("== Feedback analyser benchmark (held-out halves; neutral counts as a miss)");
    System.out.println("zh accuracy: " + Bench.accuracy(analyzer, zh));
    System.out.println("en accuracy: " + Bench.accuracy(analyzer, en));
    System.out.printf("throughput: %.0f items/s on one thread (%d items x %d rounds in %.2f s; loading took %d ms)%n",
        all.size() * rounds / seconds, all.size(), rounds, seconds, loadMillis);
    System.out.printf("throughput: %.0f items per CPU second of the measuring thread (%.2f CPU s; load average %.1f)%n",
        all.size() * rounds / cpuSeconds, cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
