package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.opsflow.support.AlertStream;
import io.opsflow.support.Api;
import io.opsflow.support.HookReceiver;
import io.opsflow.support.OpsFlowProcess;
import io.opsflow.support.OpsFlowProcess.Jobs;
import io.opsflow.support.TestDatabase;

/**
 * Two nodes of OpsFlow (the packaged jar in prod, job execution on) on one MariaDB database behind
 * a load balancer without sticky sessions; then one node is killed with {@code kill -9} under an
 * alert stream and restarted. One class, so that the three jar starts are shared by all checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String DATABASE = TestDatabase.name("opsflow_cluster_it");
  private static final String ADMIN = "ops-chief";
  private static final String ADMIN_PASSWORD = "Correct-Horse-7";
  private static final String PERSON = "olga";
  private static final String PERSON_PASSWORD = "Olga-Password-7";
  private static final String HOOKED_SERVICE = "cluster-hooked";
  private static final String HOOK_PATH = "/cluster/deploy";
  private static final String TIMER_PROCESS = "cluster-timer-probe";
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  @TempDir
  static Path workDir;

  private final HookReceiver hook = HookReceiver.shared();
  private final Map<String, String> environment = new HashMap<>();
  private OpsFlowProcess nodeA;
  private OpsFlowProcess nodeB;
  private Api admin;
  private String monitoringToken;
  private String ciToken;

  @BeforeAll
  void startTwoNodesOnOneDatabase() throws Exception {
    environment.put("OPSFLOW_DB_URL", TestDatabase.recreate(DATABASE));
    environment.put("OPSFLOW_DB_USER", TestDatabase.user());
    environment.put("OPSFLOW_DB_PASSWORD", TestDatabase.password());
    environment.put("OPSFLOW_ADMIN_USER", ADMIN);
    environment.put("OPSFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // one after the other, as docs/operations.md says: the first creates the schema and deploys
    nodeA = startNode("a");
    nodeB = startNode("b");
    assertThat(nodeA.running()).as(nodeA.output()).isTrue();
    assertThat(nodeB.running()).as(nodeB.output()).isTrue();

    admin = nodeA.api().basic(ADMIN, ADMIN_PASSWORD);
    for (String service : List.of("cluster-alerts", "cluster-keys", HOOKED_SERVICE)) {
      assertThat(admin.post("/api/services", """
          {"key":"%s","name":"%s","tier":3,"devGroup":"dev"}""".formatted(service, service)).status()).isEqualTo(201);
    }
    monitoringToken = issueToken("cluster-alertmanager", "monitoring");
    ciToken = issueToken("cluster-ci", "ci");
    assertThat(admin.post("/engine-rest/user/create", """
        {"profile":{"id":"%s","firstName":"Olga","lastName":"Ops","email":"olga@example.com"},
         "credentials":{"password":"%s"}}""".formatted(PERSON, PERSON_PASSWORD)).status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/ops/members/" + PERSON, "").status()).isEqualTo(204);
  }

  private OpsFlowProcess startNode(String name) throws Exception {
    return OpsFlowProcess.start(workDir.resolve("node-" + name), environment, Jobs.ON,
        "--spring.profiles.active=prod",
        // shows in ACT_HI_JOB_LOG.HOSTNAME_ which node ran a job
        "--camunda.bpm.generic-properties.properties.hostname=node-" + name,
        "--opsflow.changes.deploy-hooks." + HOOKED_SERVICE + ".url=" + hook.url(HOOK_PATH),
        // tells the receiver which node calls; nothing else differs between the nodes
        "--opsflow.changes.deploy-hooks." + HOOKED_SERVICE + ".headers.X-Test-Node=" + name);
  }

  private String issueToken(String account, String group) {
    assertThat(admin.post("/api/service-accounts", """
        {"id":"%s","group":"%s"}""".formatted(account, group)).status()).isEqualTo(201);
    return admin.post("/api/service-accounts/" + account + "/tokens", "{\"label\":\"cluster test\"}")
        .json().path("token").asText();
  }

  @AfterAll
  void stopNodes() {
    for (OpsFlowProcess node : new OpsFlowProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(1)
  void aPersonSignedInOnOneNodeKeepsWorkingOnTheOtherAndSignsOutOfBoth() {
    Api onA = nodeA.api().signIn(PERSON, PERSON_PASSWORD);
    Api onB = onA.on(nodeB.port());

    assertThat(onB.get("/camunda/app/tasklist/default/").status()).as("Tasklist on the other node").isEqualTo(200);
    assertThat(onB.post("/camunda/api/engine/engine/default/task/count", "{}").status())
        .as("webapp API call with the CSRF token the first node handed out").isEqualTo(200);
    assertThat(count("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = '" + PERSON + "'")).isOne();

    assertThat(onB.post("/camunda/api/admin/auth/user/default/logout", "").status()).isEqualTo(200);

    assertThat(onA.get("/camunda/app/tasklist/default/").header("Location")).as("signed out on the first node too")
        .endsWith("/login");
    assertThat(onA.post("/camunda/api/engine/engine/default/task/count", "{}").status()).isEqualTo(401);
    assertThat(count("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = '" + PERSON + "'")).isZero();
  }

  @Test
  @Order(2)
  void timersDueOnBothNodesFireExactlyOnce() throws Exception {
    deployTimerProbe();
    int instances = 40;
    for (int i = 0; i < instances; i++) {
      Api node = admin.on(i % 2 == 0 ? nodeA.port() : nodeB.port());
      assertThat(node.post("/engine-rest/process-definition/key/" + TIMER_PROCESS + "/start", "{}").status())
          .isEqualTo(200);
    }

    await("all timers fired", Duration.ofMinutes(2), () -> count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = '"
        + TIMER_PROCESS + "' AND END_TIME_ IS NOT NULL") == instances ? Optional.of(true) : Optional.empty());

    assertThat(count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '" + TIMER_PROCESS
        + "' AND JOB_STATE_ = 2")).as("successful timer executions").isEqualTo(instances);
    assertThat(count("SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '" + TIMER_PROCESS
        + "' AND JOB_STATE_ = 2")).as("timers").isEqualTo(instances);
    assertThat(count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = '" + TIMER_PROCESS
        + "' AND ACT_ID_ = 'Timer_Probe' AND END_TIME_ IS NOT NULL")).as("timers passed").isEqualTo(instances);
    assertThat(rows("SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = '" + TIMER_PROCESS
        + "' AND ACT_ID_ = 'Timer_Probe' GROUP BY PROC_INST_ID_ HAVING COUNT(*) <> 1")).as("timer passed twice").isEmpty();
    System.out.printf("Timers: %d instances, executions per node %s, failed attempts %d%n", instances,
        rows("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '" + TIMER_PROCESS
            + "' AND JOB_STATE_ = 2 GROUP BY HOSTNAME_ ORDER BY HOSTNAME_"),
        count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = '" + TIMER_PROCESS + "' AND JOB_STATE_ = 1"));
  }

  private void deployTimerProbe() {
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(TIMER_PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("Start_Probe").intermediateCatchEvent("Timer_Probe").timerWithDuration("PT2S")
        .endEvent("End_Probe").done());
    String boundary = "cluster-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + TIMER_PROCESS
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + TIMER_PROCESS
        + ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    var deployed = admin.send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void bothNodesOpeningIncidentsAndChangesAtOnceGiveDistinctKeys() throws Exception {
    int perKind = 12;
    List<Callable<String>> requests = new ArrayList<>();
    for (int i = 0; i < perKind; i++) {
      int port = i % 2 == 0 ? nodeA.port() : nodeB.port();
      String title = "cluster-key-" + i;
      String version = "1.0." + i;
      requests.add(() -> created(Api.at(port).bearer(monitoringToken).post("/api/incidents", """
          {"service":"cluster-keys","title":"%s","impact":"low","urgency":"low"}""".formatted(title)), "incidentKey"));
      requests.add(() -> created(Api.at(port).bearer(ciToken).post("/api/changes", """
          {"service":"cluster-keys","version":"%s","title":"%s","changeType":"standard","tests":"passed",
           "hasDbMigration":false}""".formatted(version, title)), "changeKey"));
    }

    List<String> keys = all(requests);

    assertThat(keys).doesNotHaveDuplicates().hasSize(2 * perKind);
    assertThat(keys).filteredOn(key -> key.startsWith("INC-")).hasSize(perKind);
    assertThat(keys).filteredOn(key -> key.startsWith("CHG-")).hasSize(perKind);
    assertThat(count("SELECT COUNT(DISTINCT incident_key) FROM incident WHERE title LIKE 'cluster-key-%'")).isEqualTo(perKind);
    System.out.println("Keys opened on two nodes at once: " + keys.stream().sorted().toList());
  }

  private static String created(Api.Response response, String keyField) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().path(keyField).asText();
  }

  private static List<String> all(List<Callable<String>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> answers = new ArrayList<>();
    for (Callable<String> request : requests) {
      answers.add(pool.submit(() -> {
        go.await();
        return request.call();
      }));
    }
    go.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> answer : answers) {
      results.add(answer.get());
    }
    pool.shutdown();
    return results;
  }

  @Test
  @Order(4)
  void aNodeKilledUnderAnAlertStreamLosesAndDuplicatesNothingAndItsLockedJobRunsWithinAMinute() throws Exception {
    Map<OpsFlowProcess, Api> signedIn = Map.of(nodeA, nodeA.api().signIn(PERSON, PERSON_PASSWORD),
        nodeB, nodeB.api().signIn(PERSON, PERSON_PASSWORD));
    CountDownLatch hookAnswers = hook.hangOnNextCallTo(HOOK_PATH);

    OpsFlowProcess victim;
    Instant killedAt;
    try (AlertStream alerts = new AlertStream(List.of(nodeA.port(), nodeB.port()), monitoringToken, "crash-", 4)) {
      await("the stream is flowing", ONE_MINUTE, () -> alerts.acceptedWebhooks() >= 20 ? Optional.of(true) : Optional.empty());
      String change = created(Api.at(nodeA.port()).bearer(ciToken).post("/api/changes", """
          {"service":"%s","version":"2.0.0","title":"Deploy during the crash test","changeType":"standard",
           "tests":"passed","hasDbMigration":false}""".formatted(HOOKED_SERVICE)), "changeKey");
      HookReceiver.Call hanging = await("the deploy hook of " + change + " is called", ONE_MINUTE,
          () -> hook.callsTo(HOOK_PATH).stream().findFirst());

      // the node whose job executor runs the hanging call holds the job's lock when it dies
      victim = "a".equals(hanging.header("X-Test-Node")) ? nodeA : nodeB;
      Api victimSession = signedIn.get(victim);
      OpsFlowProcess dying = victim;
      await("a webhook in flight to node " + hanging.header("X-Test-Node"), Duration.ofSeconds(5),
          () -> alerts.inFlightTo(dying.port()) > 0 ? Optional.of(true) : Optional.empty());
      killedAt = Instant.now();
      victim.kill();
      hookAnswers.countDown();
      System.out.printf("Killed node %s (kill -9) with the deploy job of %s locked, mid-stream: %s%n",
          hanging.header("X-Test-Node"), change, alerts.figures());

      OpsFlowProcess restarted = victim.restart();
      if (victim == nodeA) {
        nodeA = restarted;
      } else {
        nodeB = restarted;
      }
      assertThat(restarted.running()).as(restarted.output()).isTrue();
      System.out.printf("Restarted it after %d s%n", Duration.between(killedAt, Instant.now()).toSeconds());
      int acceptedBeforeRestart = alerts.acceptedBy(restarted.port());
      await("the restarted node takes alerts again", ONE_MINUTE, () ->
          alerts.acceptedBy(restarted.port()) >= acceptedBeforeRestart + 10 ? Optional.of(true) : Optional.empty());
      alerts.stop(ONE_MINUTE);

      assertThat(victimSession.get("/camunda/app/tasklist/default/").status()).as("signed in across the crash")
          .isEqualTo(200);
      assertThat(victimSession.post("/camunda/api/engine/engine/default/task/count", "{}").status()).isEqualTo(200);
      assertNothingLostNorDuplicated(alerts);
    }

    HookReceiver.Call retried = await("the locked deploy job runs again", Duration.ofMinutes(2),
        () -> hook.callsTo(HOOK_PATH).stream().skip(1).findFirst());
    Duration delay = Duration.between(killedAt, retried.receivedAt());
    System.out.printf("The job locked by the killed node ran on node %s %d s after the kill%n",
        retried.header("X-Test-Node"), delay.toSeconds());
    assertThat(delay).as("job pick-up after a crash").isLessThan(ONE_MINUTE);
    assertThat(hook.callsTo(HOOK_PATH)).as("called once more, not twice").hasSize(2);
  }

  private void assertNothingLostNorDuplicated(AlertStream alerts) {
    assertThat(alerts.otherAnswers()).as("answers other than 202").isEmpty();
    assertThat(alerts.acknowledgedFingerprints()).as("every alert sent was acknowledged in the end")
        .isEqualTo(alerts.sentFingerprints());

    Map<String, Long> incidentsPerFingerprint = new HashMap<>();
    rows("SELECT fingerprint, COUNT(*) FROM incident_alert WHERE fingerprint LIKE 'crash-%' GROUP BY fingerprint")
        .forEach(row -> incidentsPerFingerprint.put(row.get(0), Long.parseLong(row.get(1))));
    assertThat(incidentsPerFingerprint.keySet()).as("acknowledged alerts on incidents")
        .containsExactlyInAnyOrderElementsOf(alerts.acknowledgedFingerprints());
    assertThat(incidentsPerFingerprint).as("alerts in more than one incident").allSatisfy((fingerprint, incidents) ->
        assertThat(incidents).as(fingerprint).isOne());

    List<List<String>> processesPerIncident = rows("""
        SELECT a.incident_key, COUNT(p.ID_) FROM incident_alert a
        LEFT JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = a.incident_key AND p.PROC_DEF_KEY_ = 'incident-response'
        WHERE a.fingerprint LIKE 'crash-%' GROUP BY a.incident_key""");
    assertThat(processesPerIncident).as("incidents").hasSize(alerts.acknowledgedFingerprints().size());
    assertThat(processesPerIncident).as("incident-response processes per incident")
        .allSatisfy(row -> assertThat(row.get(1)).as(row.get(0)).isEqualTo("1"));
    System.out.printf("After the crash: %s; %d incidents, each with one alert and one process%n", alerts.figures(),
        processesPerIncident.size());
  }

  private static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> result = probe.get();
      if (result.isPresent()) {
        return result.get();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Waited " + timeout.toSeconds() + " s in vain for: " + what);
  }

  private static long count(String sql) {
    return TestDatabase.count(DATABASE, sql);
  }

  private static List<List<String>> rows(String sql) {
    return TestDatabase.rows(DATABASE, sql);
  }
}
