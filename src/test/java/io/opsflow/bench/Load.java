package io.opsflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The two load generators of the benchmark. Closed loop: {@code clients} threads each repeat one
 * operation as fast as it answers (throughput at that concurrency). Open loop: requests sent on a
 * fixed schedule whatever the answers, each latency counted from the moment the schedule meant to
 * send it, so a slow server cannot slow the generator down and hide its own queue.
 */
final class Load {

  private Load() {
  }

  /** One operation of a client; throws (or returns false) when it failed. */
  @FunctionalInterface
  interface Operation {
    boolean run(int client, long sequence) throws Exception;
  }

  /** What a closed-loop run measured: operations a second in the measured window, and failures. */
  record Throughput(double perSecond, long operations, long failures, double seconds, String firstFailure) {
  }

  /**
   * Runs {@code clients} threads for warm-up + measure seconds; counts only the operations that finish
   * in the measured window. A window in which no operation finished is stretched until the first one does
   * (the rate is then over the stretched time): on a busy machine the CI setting's one-second window could
   * end with none done, and a rate of 0 would make every ratio built on it meaningless. {@code during} runs
   * once in the middle of the window (e.g. a memory sample).
   */
  static Throughput closed(int clients, Duration warmUp, Duration measure, Operation operation, Runnable during)
      throws InterruptedException {
    long start = System.nanoTime();
    long from = start + warmUp.toNanos();
    long until = from + measure.toNanos();
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong end = new AtomicLong(until);
    AtomicLong sequence = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    CountDownLatch finished = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.execute(() -> {
        try {
          while (System.nanoTime() < until || done.get() + failed.get() == 0) {
            boolean ok;
            try {
              ok = operation.run(client, sequence.getAndIncrement());
            } catch (Exception e) {
              firstFailure.compareAndSet(null, e.toString());
              ok = false;
            }
            long now = System.nanoTime();
            if (now >= from && (now < until || done.get() + failed.get() == 0)) {
              (ok ? done : failed).incrementAndGet();
              end.accumulateAndGet(now, Math::max);
            }
          }
        } finally {
          finished.countDown();
        }
      });
    }
    if (during != null) {
      LockSupport.parkNanos(from + measure.toNanos() / 2 - System.nanoTime());
      during.run();
    }
    finished.await();
    threads.shutdown();
    double seconds = (end.get() - from) / 1e9;
    return new Throughput(done.get() / seconds, done.get(), failed.get(), seconds, firstFailure.get());
  }

  /** What an open-loop run measured: latencies in milliseconds from the intended send time. */
  record Latency(int rate, long sent, long failures, double p50, double p99, double max) {
  }

  /**
   * Sends GET {@code uri} {@code rate} times a second for warm-up + measure; the latencies of the
   * requests scheduled in the measured window are kept. Requests still unanswered 10 s after the end
   * count as failures.
   */
  static Latency open(HttpClient client, URI uri, String authorization, int rate, Duration warmUp, Duration measure)
      throws InterruptedException {
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    long warm = warmUp.toNanos() / interval;
    long total = warm + measure.toNanos() / interval;
    double[] latencies = new double[(int) (total - warm)];
    Arrays.fill(latencies, Double.NaN);
    AtomicLong failures = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) total);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpRequest built = request.build();
    for (long i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long index = i - warm;
      client.sendAsync(built, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        long took = System.nanoTime() - intended;
        if (index >= 0) {
          if (error != null || response.statusCode() != 200) {
            failures.incrementAndGet();
          } else {
            latencies[(int) index] = took / 1e6;
          }
        }
        answered.countDown();
      });
    }
    answered.await(20, TimeUnit.SECONDS);
    List<Double> kept = new ArrayList<>();
    for (double latency : latencies) {
      if (!Double.isNaN(latency)) {
        kept.add(latency);
      }
    }
    double[] sorted = kept.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    long unanswered = latencies.length - sorted.length - failures.get();
    return new Latency(rate, latencies.length, failures.get() + Math.max(0, unanswered), percentile(sorted, 50),
        percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
  }

  /** The p95 of the calls that succeeded, in milliseconds, and how many failed. */
  record Timing(double p95, long failures) {
  }

  /** Runs the call {@code warmUp} times, then {@code runs} times timed, one after the other. */
  static Timing p95(int runs, int warmUp, Operation call) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      call.run(0, i);
    }
    List<Double> millis = new ArrayList<>();
    long failures = 0;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      if (call.run(0, i)) {
        millis.add((System.nanoTime() - t) / 1e6);
      } else {
        failures++;
      }
    }
    return new Timing(percentile(millis.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 95), failures);
  }

  /** Nearest-rank percentile of sorted values (NaN when there are none). */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
