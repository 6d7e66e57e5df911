package io.opsflow.incident.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opsflow.incident.IncidentReport;
import io.opsflow.incident.IncidentSource;
import io.opsflow.support.BenchmarkApplication;
import io.opsflow.support.Benchmarks;
import io.opsflow.support.StatementCounter;
import io.opsflow.support.TestDatabase;

/**
 * Alert intake on MariaDB (issue 16), in-process so that only the database work is timed: new alerts
 * (each opens an incident and starts its process) and repeats of open ones (the dedup path), one
 * sender and eight at once, for a fixed time each; prints alerts per second, how eight senders scale
 * against one, and the statements Connector/J sent per alert ({@link StatementCounter}). Timings are
 * printed, never asserted; its name matches no test pattern, so a build does not run it:
 * {@code OPSFLOW_TEST_DB_SUFFIX=_me ./mvnw -q test -Dtest=IntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dbench.seconds=} per run (default 15), {@code -Dbench.keep=true} keeps the database.
 */
@Tag("benchmark")
@BenchmarkApplication
class IntakeBenchmark {

  static final String DATABASE = TestDatabase.name("opsflow_ibench");
  static final int SECONDS = Integer.getInteger("bench.seconds", 15);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Benchmarks.database(registry, DATABASE);
    registry.add(StatementCounter.PROPERTY, StatementCounter.class::getName);
  }

  @AfterAll
  static void drop() {
    Benchmarks.drop(DATABASE);
  }

  @Autowired
  AlertIntake intake;

  @Test
  void printAlertsPerSecondWithOneAndEightSenders() throws Exception {
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      repeated.add("bench-repeat-" + i);
      intake.receive(List.of(alert(repeated.get(i))), "alertmanager");
    }
    run(1, n -> alert("bench-warm-" + UUID.randomUUID()), 5);
    System.out.printf("%n| alerts, %d s a run, load average %s | senders | per second | 8 ÷ 1 | statements per alert |%n",
        SECONDS, Benchmarks.loadAverage());
    System.out.println("|---|---:|---:|---:|---:|");
    print("new", n -> alert("bench-new-" + UUID.randomUUID()));
    print("repeat", n -> alert(repeated.get((int) (n % repeated.size()))));
    System.out.printf("%nload average after: %s%n", Benchmarks.loadAverage());
  }

  private void print(String kind, LongFunction<Observation> alerts) throws Exception {
    Result one = run(1, alerts, SECONDS);
    Result eight = run(8, alerts, SECONDS);
    System.out.printf("| %s | 1 | %.1f | | %.0f |%n", kind, one.perSecond(), one.statementsPerAlert());
    System.out.printf("| %s | 8 | %.1f | %.2f | %.0f |%n", kind, eight.perSecond(), eight.perSecond() / one.perSecond(),
        eight.statementsPerAlert());
  }

  record Result(double perSecond, double statementsPerAlert) {
  }

  private Result run(int senders, LongFunction<Observation> alerts, int seconds) throws Exception {
    AtomicLong sent = new AtomicLong();
    long statements = StatementCounter.count();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      running.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          intake.receive(List.of(alerts.apply(sent.get())), "alertmanager");
          sent.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> sender : running) {
      sender.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(sent.get() / elapsed, (double) (StatementCounter.count() - statements) / sent.get());
  }

  private static Observation alert(String fingerprint) {
    IncidentReport report = new IncidentReport("checkout", "HighErrorRate on checkout", "5xx above 5 %", "medium",
        "high", IncidentSource.ALERTMANAGER, "alertmanager");
    return new Observation(fingerprint, true, "HighErrorRate", "critical", "5xx rate high", "{}", null, Instant.now(),
        null, report, List.of());
  }
}
