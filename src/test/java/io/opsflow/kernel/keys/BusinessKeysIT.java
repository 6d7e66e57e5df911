package io.opsflow.kernel.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;

/**
 * Keys such as INC-2026-0042 on MariaDB: callers that take the very first key of a prefix and year
 * at the same moment (two nodes opening their first incidents of the year) all get one, distinct
 * and without gaps; none is refused as a deadlock victim.
 */
class BusinessKeysIT extends IntegrationTest {

  private static final int CALLERS = 16;

  @Autowired
  BusinessKeys keys;

  @Autowired
  TransactionTemplate transaction;

  @RepeatedTest(3)
  void callersTakingTheFirstKeysOfAPrefixAtOnceGetDistinctKeysWithoutGaps() throws Exception {
    String prefix = "T" + Fixtures.uniqueSuffix().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    prefix = prefix.substring(0, Math.min(prefix.length(), 16));
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

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
