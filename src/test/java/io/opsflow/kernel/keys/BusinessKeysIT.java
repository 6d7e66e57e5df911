package io.opsflow.kernel.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * Keys such as INC-2026-0042 on MariaDB: callers that take the very first key of a prefix and year
 * at the same moment (two nodes opening their first incidents of the year) all get one, distinct
 * and without gaps; none is refused as a deadlock victim. A caller whose transaction is still open
 * does not hold up the next one (issue 16), and a caller that rolls back leaves a gap.
 */
class BusinessKeysIT extends IntegrationTest {

  private static final int CALLERS = 16;

  @Autowired
  BusinessKeys keys;

  @Autowired
  TransactionTemplate transaction;

  @RepeatedTest(3)
  void callersTakingTheFirstKeysOfAPrefixAtOnceGetDistinctKeysWithoutGaps() throws Exception {
    String prefix = prefix();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    List<Future<String>> taken = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      String p = prefix;
      taken.add(pool.submit(() -> {
        start.await();
        return transaction.execute(status -> {
          String key = keys.next(p);
          // hold the counter like a request that goes on to start a process
          pause();
          return key;
        });
      }));
    }
    start.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> key : taken) {
      results.add(key.get());
    }
    pool.shutdown();

    int year = Year.now(ZoneOffset.UTC).getValue();
    String first = prefix;
    assertThat(results).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, CALLERS).mapToObj(n -> "%s-%d-%04d".formatted(first, year, n)).toList());
  }

  @Test
  void aCallerStillInItsTransactionDoesNotHoldUpTheNext() throws Exception {
    String prefix = prefix();
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<String> first = pool.submit(() -> transaction.execute(status -> {
      String key = keys.next(prefix);
      taken.countDown();
      await(release);
      return key;
    }));
    try {
      assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
      // the counter row is not locked by the first caller's open transaction (MariaDB waits 50 s for a lock)
      String second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> keys.next(prefix)))
          .get(10, TimeUnit.SECONDS);
      release.countDown();
      int year = Year.now(ZoneOffset.UTC).getValue();
      assertThat(List.of(first.get(30, TimeUnit.SECONDS), second))
          .containsExactly("%s-%d-0001".formatted(prefix, year), "%s-%d-0002".formatted(prefix, year));
    } finally {
      release.countDown();
      pool.shutdown();
    }
  }

  @Test
  void aCallerThatRollsBackLeavesAGap() {
    String prefix = prefix();
    transaction.execute(status -> {
      keys.next(prefix);
      status.setRollbackOnly();
      return null;
    });
    String next = transaction.execute(status -> keys.next(prefix));

    assertThat(next).endsWith("-0002");
  }

  private static String prefix() {
    String prefix = "T" + Fixtures.uniqueSuffix().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    return prefix.substring(0, Math.min(prefix.length(), 16));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
