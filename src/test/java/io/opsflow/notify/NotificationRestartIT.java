package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opsflow.support.Api;
import io.opsflow.support.Fixtures;
import io.opsflow.support.HookReceiver;
import io.opsflow.support.OpsFlowProcess;
import io.opsflow.support.OpsFlowProcess.Jobs;
import io.opsflow.support.TestDatabase;

/**
 * Restart safety with the packaged jar in prod: notifications written to the outbox by a node that
 * then stops before delivering them (delivery switched off on it, so nothing races the stop) are
 * delivered by the node started afterwards, each once; a further restart delivers nothing again. The
 * receiver is a generic webhook that counts deliveries per {@code webhook-id}.
 */
class NotificationRestartIT {

  private static final String DATABASE = TestDatabase.name("opsflow_restart_it");
  private static final String ADMIN = "ops-chief";
  private static final String ADMIN_PASSWORD = "Correct-Horse-7";
  private static final String SECRET_KEY = "v8cE1BwMooGe/u2JFN79mmu4Ue0uqhEAn+sfjvhLWwo=";
  private static final int INCIDENTS = 3;

  @TempDir
  Path workDir;

  private final HookReceiver receiver = HookReceiver.shared();

  @Test
  void notificationsQueuedWhenTheAppStopsAreDeliveredAfterItStartsNoneTwice() throws Exception {
    String path = "/restart" + Fixtures.uniqueSuffix();
    Map<String, String> env = new HashMap<>();
    env.put("OPSFLOW_DB_URL", TestDatabase.recreate(DATABASE));
    env.put("OPSFLOW_DB_USER", TestDatabase.user());
    env.put("OPSFLOW_DB_PASSWORD", TestDatabase.password());
    env.put("OPSFLOW_ADMIN_USER", ADMIN);
    env.put("OPSFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("OPSFLOW_SECRET_KEY", SECRET_KEY);

    try (OpsFlowProcess first = OpsFlowProcess.start(workDir.resolve("first"), env, Jobs.ON,
        "--spring.profiles.active=prod", "--opsflow.notify.delivery.enabled=false")) {
      assertThat(first.running()).as(first.output()).isTrue();
      Api admin = first.api().basic(ADMIN, ADMIN_PASSWORD);
      var channel = admin.post("/api/notification-channels", "{\"name\":\"Incident hook\",\"kind\":\"webhook\","
          + "\"target\":\"" + receiver.url(path) + "\",\"secret\":\"restart-test-secret\"}");
      assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
      assertThat(admin.post("/api/notification-rules", "{\"event\":\"incident.opened\",\"channels\":["
          + channel.json().path("id").asLong() + "]}").status()).isEqualTo(201);
      for (int i = 1; i <= INCIDENTS; i++) {
        assertThat(admin.post("/api/incidents", "{\"title\":\"故障 " + i + " 🔥\",\"description\":\"restart test\","
            + "\"impact\":\"high\",\"urgency\":\"high\"}").status()).isEqualTo(201);
      }
      // the job executor runs "Notify on-call"; the triage task's creation writes the outbox row
      awaitCount("SELECT COUNT(*) FROM notification WHERE event = 'incident.opened' AND state = 'pending'", INCIDENTS,
          first);
    }
    assertThat(receiver.callsTo(path)).as("nothing delivered before the stop").isEmpty();

    try (OpsFlowProcess second = OpsFlowProcess.start(workDir.resolve("second"), env, "--spring.profiles.active=prod")) {
      assertThat(second.running()).as(second.output()).isTrue();
      awaitCount("SELECT COUNT(*) FROM notification WHERE event = 'incident.opened' AND state = 'delivered'",
          INCIDENTS, second);
    }
    assertThat(deliveriesPerId(path)).hasSize(INCIDENTS).allSatisfy((id, count) -> assertThat(count).as(id).isOne());

    try (OpsFlowProcess third = OpsFlowProcess.start(workDir.resolve("third"), env, "--spring.profiles.active=prod")) {
      assertThat(third.running()).as(third.output()).isTrue();
      // the dispatcher starts 10 s after the context and runs every second
      Thread.sleep(Duration.ofSeconds(15).toMillis());
    }
    assertThat(deliveriesPerId(path)).as("none twice across restarts").hasSize(INCIDENTS)
        .allSatisfy((id, count) -> assertThat(count).as(id).isOne());
    assertThat(receiver.callsTo(path)).allSatisfy(call -> assertThat(call.header("webhook-signature")).startsWith("v1,"));
  }

  private Map<String, Long> deliveriesPerId(String path) {
    List<HookReceiver.Call> calls = receiver.callsTo(path);
    return calls.stream().collect(Collectors.groupingBy(call -> call.header("webhook-id"), Collectors.counting()));
  }

  private static void awaitCount(String sql, long expected, OpsFlowProcess node) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(90));
    long count = -1;
    while (Instant.now().isBefore(until)) {
      count = TestDatabase.count(DATABASE, sql);
      if (count == expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(sql + ": " + count + " instead of " + expected + "\n" + node.output());
  }
}
