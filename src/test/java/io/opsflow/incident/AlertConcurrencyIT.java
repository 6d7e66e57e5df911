package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;

import io.opsflow.support.Fixtures;
import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/** Identical webhooks arriving at the same moment open exactly one incident per alert (on MariaDB). */
class AlertConcurrencyIT extends IntegrationTest {

  private static final int SENDERS = 8;

  @RepeatedTest(3)
  void identicalWebhooksInParallelOpenOneIncidentPerAlert() throws Exception {
    String suffix = Fixtures.uniqueSuffix();
    String body = Fixtures.alertmanager("firing-two-alerts", suffix);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      statuses.add(pool.submit(() -> {
        start.await();
        return api().bearer("demo-alert-token").post("/api/alerts/alertmanager", body).status();
      }));
    }
    start.countDown();
    for (Future<Integer> status : statuses) {
      assertThat(status.get()).isEqualTo(202);
    }
    pool.shutdown();

    for (String fingerprint : List.of(Fixtures.PAYMENTS_FINGERPRINT + suffix, Fixtures.PORTAL_FINGERPRINT + suffix)) {
      assertThat(count("SELECT COUNT(*) FROM incident_alert WHERE fingerprint = '" + fingerprint + "'"))
          .as("incidents for %s", fingerprint).isOne();
      assertThat(count("SELECT occurrences FROM incident_alert WHERE fingerprint = '" + fingerprint + "'"))
          .as("every webhook counted").isEqualTo(SENDERS);
      assertThat(count("SELECT COUNT(*) FROM incident_open_fingerprint WHERE fingerprint = '" + fingerprint + "'")).isOne();
    }
  }

  private static long count(String sql) {
    return TestDatabase.count(DATABASE, sql);
  }
}
