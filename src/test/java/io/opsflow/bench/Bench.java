package io.opsflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.opsflow.metrics.MetricsAtScale;
import io.opsflow.support.Api;
import io.opsflow.support.Benchmarks;
import io.opsflow.support.OpsFlowProcess;
import io.opsflow.support.OpsFlowProcess.Jobs;
import io.opsflow.support.TestDatabase;

/**
 * The benchmark of issue 16 (bench/run): starts the packaged OpsFlow in prod and the bare Camunda
 * starter (bench/bare), each on a fresh MariaDB database of the integration tests' server, loads
 * them, and writes a Markdown table and target/bench/results.json of every figure with its
 * baseline, ratio and goal. A {@link Setting} says how long and how much; the CI setting only
 * proves that every figure can still be measured.
 */
final class Bench {

  /**
   * How long each throughput phase warms up and measures, and how big the history is; {@code restart}: whether
   * each app is started a second time on its database (one more start of each, too slow for every build).
   */
  record Setting(String name, Duration warmUp, Duration measure, int gateClients, int gateRate, Duration gateMeasure,
      int historyIncidents, int historyChanges, int runs, int runsWarmUp, boolean restart) {

    static final Setting FULL = new Setting("full", Duration.ofSeconds(4), Duration.ofSeconds(12), 200, 200,
        Duration.ofSeconds(20), 100_000, 50_000, 100, 10, true);
    static final Setting QUICK = new Setting("quick", Duration.ofSeconds(2), Duration.ofSeconds(5), 200, 200,
        Duration.ofSeconds(8), 10_000, 5_000, 50, 10, true);
    static final Setting CI = new Setting("ci", Duration.ofMillis(300), Duration.ofSeconds(1), 20, 50,
        Duration.ofSeconds(1), 1_000, 500, 5, 2, false);

    static Setting named(String name) {
      return switch (name) {
        case "full" -> FULL;
        case "quick" -> QUICK;
        case "ci" -> CI;
        default -> throw new IllegalArgumentException("bench.setting: full, quick or ci, not " + name);
      };
    }
  }

  /** One line of the table. {@code higherIsBetter} says which way the goal reads; goal null: none. */
  record Row(String id, String figure, String unit, Double opsflow, String baselineName, Double baseline,
      Double ratio, String goal, Boolean met, long failures) {
  }

  static final Path OUT = Path.of("target", "bench");
  private static final String ADMIN = "bench-admin";
  private static final String ADMIN_PASSWORD = "Bench-Admin-Pw-7";
  private static final String OPS = "bench-ops";
  private static final String QA = "bench-qa";
  private static final String PERSON_PASSWORD = "Bench-Person-Pw-7";
  private static final String SERVICE = "bench-api";
  private static final String WEBHOOK = "/api/alerts/alertmanager";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Setting setting;
  private final String database;
  private final Path workDir;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  private Bench(Setting setting, String database, Path workDir) {
    this.setting = setting;
    this.database = database;
    this.workDir = workDir;
  }

  /**
   * Runs every measurement with databases {@code <database>}, {@code <database>_bare} and
   * {@code <database>_raw} (each with OPSFLOW_TEST_DB_SUFFIX), writes the results into target/bench and
   * returns the JSON written.
   */
  static JsonNode run(Setting setting, String database, Path workDir) throws Exception {
    return new Bench(setting, database, workDir).measureAll();
  }

  private JsonNode measureAll() throws Exception {
    Instant began = Instant.now();
    facts.put("setting", setting.name());
    facts.put("cores", Runtime.getRuntime().availableProcessors());
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    facts.put("warmUpSeconds", setting.warmUp().toMillis() / 1000.0);
    facts.put("measureSeconds", setting.measure().toMillis() / 1000.0);
    facts.put("latencyRuns", setting.runs());
    facts.put("latencyWarmUpRuns", setting.runsWarmUp());
    facts.put("loadAverageBefore", Benchmarks.loadAverage());
    log("load average before: " + Benchmarks.loadAverage());

    double[] raw = rawCommits();
    Measured opsflow = measureOpsFlow();
    Measured bare = measureBare();
    table(raw, opsflow, bare);

    facts.put("loadAverageAfter", Benchmarks.loadAverage());
    facts.put("seconds", Duration.between(began, Instant.now()).toSeconds());
    Map<String, Object> document = new LinkedHashMap<>(facts);
    document.put("rows", rows);
    Files.createDirectories(OUT);
    String json = JSON.writeValueAsString(document);
    Files.writeString(OUT.resolve("results.json"), json);
    String markdown = markdown();
    Files.writeString(OUT.resolve("results.md"), markdown);
    System.out.println("\n" + markdown);
    return JSON.readTree(json);
  }

  /** Everything measured on one app: throughputs, latencies, start-up and memory. */
  private static final class Measured {
    final Map<String, Load.Throughput> throughput = new LinkedHashMap<>();
    final Map<String, Double> figures = new LinkedHashMap<>();
    final Map<String, Long> failures = new LinkedHashMap<>();
  }

  // 1. the physical limit --------------------------------------------------------------------------

  /** Single-row INSERT + COMMIT a second on the same server, with 1 and 8 connections. */
  private double[] rawCommits() throws Exception {
    String name = TestDatabase.name(database + "_raw");
    String url = TestDatabase.recreate(name);
    try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE raw_commit (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload VARCHAR(64) NOT NULL,"
          + " created_at DATETIME NOT NULL) ENGINE=InnoDB");
    }
    double[] perSecond = new double[2];
    int[] clients = {1, 8};
    for (int i = 0; i < 2; i++) {
      List<Connection> connections = new ArrayList<>();
      List<PreparedStatement> inserts = new ArrayList<>();
      for (int c = 0; c < clients[i]; c++) {
        Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        connection.setAutoCommit(true);
        connections.add(connection);
        inserts.add(connection.prepareStatement("INSERT INTO raw_commit (payload, created_at) VALUES (?, NOW())"));
      }
      Load.Throughput measured = Load.closed(clients[i], setting.warmUp(), setting.measure(), (client, seq) -> {
        PreparedStatement insert = inserts.get(client);
        insert.setString(1, "row " + seq);
        return insert.executeUpdate() == 1;
      }, null);
      for (Connection connection : connections) {
        connection.close();
      }
      perSecond[i] = measured.perSecond();
      log("raw commits, %d connection(s): %.0f/s", clients[i], measured.perSecond());
    }
    TestDatabase.execute(name, "DROP DATABASE " + name);
    return perSecond;
  }

  // OpsFlow ----------------------------------------------------------------------------------------

  private Measured measureOpsFlow() throws Exception {
    Measured m = new Measured();
    String name = TestDatabase.name(database);
    Map<String, String> environment = Map.of("OPSFLOW_DB_URL", TestDatabase.recreate(name),
        "OPSFLOW_DB_USER", TestDatabase.user(), "OPSFLOW_DB_PASSWORD", TestDatabase.password(),
        "OPSFLOW_ADMIN_USER", ADMIN, "OPSFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Instant launched = Instant.now();
    OpsFlowProcess first = OpsFlowProcess.startAsOperatorsRunIt(workDir.resolve("opsflow"), environment,
        Jobs.ON, "--spring.profiles.active=prod");
    try (OpsFlowProcess node = first) {
      if (!node.running()) {
        throw new IllegalStateException("OpsFlow exited:\n" + node.output());
      }
      m.figures.put("startUp", Duration.between(launched, Instant.now()).toMillis() / 1000.0);
      log("OpsFlow started in %.1f s", m.figures.get("startUp"));
      String base = "http://localhost:" + node.port();
      Api admin = node.api().basic(ADMIN, ADMIN_PASSWORD);
      expect(admin.post("/api/services", """
          {"key":"%s","name":"Bench API","tier":3,"devGroup":"dev"}""".formatted(SERVICE)), 201);
      String monitoring = "Bearer " + token(admin, "bench-alertmanager", "monitoring");
      String ci = "Bearer " + token(admin, "bench-ci", "ci");
      person(admin, OPS, "ops");
      person(admin, QA, "qa");
      String ops = basic(OPS, PERSON_PASSWORD);
      String qa = basic(QA, PERSON_PASSWORD);
      memory(m, "idle", node.pid(), true);

      // 2. alert intake: one new alert a webhook, then the same alerts again (the dedup path)
      List<String> fingerprints = new CopyOnWriteArrayList<>();
      for (int senders : new int[] {1, 8}) {
        m.throughput.put("new" + senders, closed(senders, (client, seq) -> {
          String fingerprint = "bench-" + run + "-" + senders + "-" + seq;
          JsonNode answer = postJson(base + WEBHOOK, monitoring, alert(fingerprint), 202);
          boolean opened = answer != null && answer.path("opened").size() == 1;
          if (opened) {
            fingerprints.add(fingerprint);
          }
          return opened;
        }, senders == 8 ? () -> memory(m, "load", node.pid(), false) : null));
      }
      drain(name, "OpsFlow after new alerts");
      for (int senders : new int[] {1, 8}) {
        m.throughput.put("repeat" + senders, closed(senders, (client, seq) -> {
          JsonNode answer = postJson(base + WEBHOOK, monitoring,
              alert(fingerprints.get((int) ((seq * 7919) % fingerprints.size()))), 202);
          return answer != null && answer.path("updated").size() == 1;
        }, null));
      }

      // 3. incident lifecycle: webhook → triage → diagnose → verify → closed
      for (int clients : new int[] {1, 8}) {
        m.throughput.put("lifecycle" + clients, closed(clients, (client, seq) -> {
          String fingerprint = "bench-life-" + run + "-" + clients + "-" + seq;
          JsonNode answer = postJson(base + WEBHOOK, monitoring, alert(fingerprint), 202);
          String key = answer.path("opened").path(0).asText();
          complete(base, ops, OPS, task(base, ops, key, "Task_AcknowledgeTriage"), """
              {"diagnosisGroup":{"value":"ops"},"category":{"value":"other"},"major":{"value":false}}""");
          complete(base, ops, OPS, task(base, ops, key, "Task_DiagnoseMitigate"), """
              {"resolutionSummary":{"value":"restarted the bench worker"}}""");
          complete(base, qa, QA, task(base, qa, key, "Task_VerifyResolution"), """
              {"verified":{"value":true}}""");
          return await(() -> "closed".equals(getJson(base + "/api/incidents/" + key, ops).path("state").asText()));
        }, null));
      }

      // 4. CI gate poll: saturated, and at a fixed offered rate (open loop)
      String change = postJson(base + "/api/changes", ci, """
          {"service":"%s","version":"1.0.0","title":"Bench gate","changeType":"standard","tests":"passed",
           "hasDbMigration":false}""".formatted(SERVICE), 201).path("changeKey").asText();
      URI gate = URI.create(base + "/api/changes/" + change + "/gate");
      URI health = URI.create(base + "/actuator/health");
      m.throughput.put("gate", closed(setting.gateClients(), (client, seq) -> get(gate, ci), null));
      m.throughput.put("health", closed(setting.gateClients(), (client, seq) -> get(health, null), null));
      Load.Latency latency = Load.open(http, gate, ci, setting.gateRate(), setting.warmUp(), setting.gateMeasure());
      m.figures.put("gateP50", latency.p50());
      m.figures.put("gateP99", latency.p99());
      m.failures.put("gateOpen", latency.failures());
      log("gate at %d/s (open loop): p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed", latency.rate(), latency.p50(),
          latency.p99(), latency.max(), latency.failures());

      // 6. history at scale, written straight into the tables, then list, detail and gate timings
      long loading = System.nanoTime();
      DriverManagerDataSource history = new DriverManagerDataSource(TestDatabase.url(name), TestDatabase.user(),
          TestDatabase.password());
      MetricsAtScale.load(new JdbcTemplate(history), setting.historyIncidents(), setting.historyChanges());
      facts.put("historyLoadSeconds", Math.round((System.nanoTime() - loading) / 1e9));
      String incident = String.format("INC-B-%07d", setting.historyIncidents() / 2);
      String changeKey = String.format("CHG-B-%07d", setting.historyChanges() / 2);
      String boss = basic(ADMIN, ADMIN_PASSWORD);
      Map<String, String[]> calls = new LinkedHashMap<>();
      calls.put("openIncidents", new String[] {"/api/incidents?state=open&limit=50", boss});
      calls.put("allIncidents", new String[] {"/api/incidents?limit=50", boss});
      calls.put("incidentDetail", new String[] {"/api/incidents/" + incident, boss});
      calls.put("openChanges", new String[] {"/api/changes?state=open&limit=50", boss});
      calls.put("changeDetail", new String[] {"/api/changes/" + changeKey, boss});
      calls.put("gateAtScale", new String[] {"/api/changes/" + changeKey + "/gate", ci});
      for (Map.Entry<String, String[]> call : calls.entrySet()) {
        URI uri = URI.create(base + call.getValue()[0]);
        String authorization = call.getValue()[1];
        Load.Timing timing = Load.p95(setting.runs(), setting.runsWarmUp(), (c, s) -> get(uri, authorization));
        m.figures.put(call.getKey(), timing.p95());
        m.failures.put(call.getKey(), timing.failures());
        log("%s p95 %.1f ms, %d failed", call.getKey(), timing.p95(), timing.failures());
      }
    }
    if (setting.restart()) {
      // 5. the common start: the same node again on the database its first start created and the load filled
      Instant relaunched = Instant.now();
      try (OpsFlowProcess again = first.restart()) {
        if (!again.running()) {
          throw new IllegalStateException("OpsFlow exited on its second start:\n" + again.output());
        }
        m.figures.put("restart", Duration.between(relaunched, Instant.now()).toMillis() / 1000.0);
        log("OpsFlow started again in %.1f s", m.figures.get("restart"));
      }
    }
    TestDatabase.execute(name, "DROP DATABASE " + name);
    return m;
  }

  // the bare Camunda starter -------------------------------------------------------------------------

  private Measured measureBare() throws Exception {
    Measured m = new Measured();
    String name = TestDatabase.name(database + "_bare");
    // Camunda's schema check asks the JDBC metadata for its tables with no catalog, which Connector/J
    // answers from every database of the server: with another Camunda database there, the bare app
    // would skip creating its own schema and fail on ACT_GE_PROPERTY
    String url = TestDatabase.recreate(name) + "&nullDatabaseMeansCurrent=true";
    try (BareCamunda bare = BareCamunda.start(workDir.resolve("bare"), url, TestDatabase.user(),
        TestDatabase.password())) {
      m.figures.put("startUp", bare.startUp.toMillis() / 1000.0);
      log("bare Camunda started in %.1f s", m.figures.get("startUp"));
      String rest = "http://localhost:" + bare.port() + "/engine-rest";
      memory(m, "idle", bare.pid(), true);
      for (int senders : new int[] {1, 8}) {
        m.throughput.put("new" + senders, closed(senders, (client, seq) -> startBare(rest, "B-" + senders + "-" + seq)
            != null, senders == 8 ? () -> memory(m, "load", bare.pid(), false) : null));
      }
      drain(name, "bare after starts");
      for (int clients : new int[] {1, 8}) {
        m.throughput.put("lifecycle" + clients, closed(clients, (client, seq) -> {
          String key = "L-" + clients + "-" + seq;
          String instance = startBare(rest, key);
          completeBare(rest, taskBare(rest, key, "Task_Triage"), """
              {"diagnosisGroup":{"value":"ops"},"category":{"value":"other"},"major":{"value":false}}""");
          completeBare(rest, taskBare(rest, key, "Task_Diagnose"), """
              {"resolutionSummary":{"value":"restarted the bench worker"}}""");
          completeBare(rest, taskBare(rest, key, "Task_Verify"), """
              {"verified":{"value":true}}""");
          return await(() -> "COMPLETED".equals(getJson(rest + "/history/process-instance/" + instance, null)
              .path("state").asText()));
        }, null));
      }
    }
    if (setting.restart()) {
      try (BareCamunda again = BareCamunda.start(workDir.resolve("bare"), url, TestDatabase.user(),
          TestDatabase.password())) {
        m.figures.put("restart", again.startUp.toMillis() / 1000.0);
        log("bare Camunda started again in %.1f s", m.figures.get("restart"));
      }
    }
    TestDatabase.execute(name, "DROP DATABASE " + name);
    return m;
  }

  private String startBare(String rest, String businessKey) throws Exception {
    return postJson(rest + "/process-definition/key/bench-incident/start", null, """
        {"businessKey":"%s","variables":{"service":{"value":"%s"},"severity":{"value":"warning"},
         "title":{"value":"Bench alert %s"}}}""".formatted(businessKey, SERVICE, businessKey), 200).path("id").asText();
  }

  private String taskBare(String rest, String businessKey, String activity) throws Exception {
    return awaitTask(URI.create(rest + "/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
        + activity + "&firstResult=0&maxResults=10"), null);
  }

  private void completeBare(String rest, String task, String variables) throws Exception {
    postJson(rest + "/task/" + task + "/claim", null, "{\"userId\":\"admin\"}", 204);
    postJson(rest + "/task/" + task + "/complete", null, "{\"variables\":" + variables + "}", 204);
  }

  // the table ----------------------------------------------------------------------------------------

  private void table(double[] raw, Measured o, Measured b) {
    add("raw-commits-1", "1 · raw INSERT + COMMIT /s, 1 connection", "/s", raw[0], null, null, null, null);
    add("raw-commits-8", "1 · raw INSERT + COMMIT /s, 8 connections", "/s", raw[1], null, null, null, null);
    for (int n : new int[] {1, 8}) {
      Load.Throughput mine = o.throughput.get("new" + n);
      add("new-alerts-" + n, "2 · new alerts → incidents /s, " + n + " sender(s)", "/s", mine.perSecond(),
          "bare starts, same size", b.throughput.get("new" + n).perSecond(), "≥ 0.5 × bare", Direction.AT_LEAST,
          mine.failures());
    }
    double scaling = o.throughput.get("new8").perSecond() / o.throughput.get("new1").perSecond();
    add("new-alerts-scaling", "2 · new alerts, 8 senders ÷ 1 sender", "×", scaling, "bare 8 ÷ 1",
        b.throughput.get("new8").perSecond() / b.throughput.get("new1").perSecond(), "≥ 1.5 (OpsFlow)", null, 0);
    rows.set(rows.size() - 1, withGoal(rows.get(rows.size() - 1), scaling >= 1.5));
    for (int n : new int[] {1, 8}) {
      Load.Throughput mine = o.throughput.get("repeat" + n);
      add("repeat-alerts-" + n, "2 · repeat alerts /s, " + n + " sender(s)", "/s", mine.perSecond(),
          "raw commits, " + n + " conn.", raw[n == 1 ? 0 : 1], "≥ 0.5 × raw", Direction.AT_LEAST, mine.failures());
    }
    for (int n : new int[] {1, 8}) {
      Load.Throughput mine = o.throughput.get("lifecycle" + n);
      add("lifecycle-" + n, "3 · incident lifecycles /s, " + n + " client(s)", "/s", mine.perSecond(),
          "bare, same shape", b.throughput.get("lifecycle" + n).perSecond(), "≥ 0.7 × bare", Direction.AT_LEAST,
          mine.failures() + b.throughput.get("lifecycle" + n).failures());
    }
    Load.Throughput gate = o.throughput.get("gate");
    Load.Throughput health = o.throughput.get("health");
    add("gate-saturated", "4 · gate polls /s, " + setting.gateClients() + " clients", "/s", gate.perSecond(),
        "/actuator/health", health.perSecond(), "≥ 0.5 × health", Direction.AT_LEAST, gate.failures() + health.failures());
    add("gate-p50", "4 · gate poll p50 at " + setting.gateRate() + "/s (open loop)", "ms", o.figures.get("gateP50"),
        null, null, null, null, o.failures.get("gateOpen"));
    double p99 = o.figures.get("gateP99");
    add("gate-p99", "4 · gate poll p99 at " + setting.gateRate() + "/s (open loop)", "ms", p99, null, null,
        "< 20 ms", null, o.failures.get("gateOpen"));
    rows.set(rows.size() - 1, withGoal(rows.get(rows.size() - 1), p99 < 20));
    add("start-up", "5 · start-up to ready, fresh database", "s", o.figures.get("startUp"), "bare starter",
        b.figures.get("startUp"), "≤ 1.3 × bare", Direction.AT_MOST, 0);
    if (setting.restart()) {
      add("start-up-restart", "5 · start-up to ready, existing database", "s", o.figures.get("restart"),
          "bare starter", b.figures.get("restart"), "≤ 1.3 × bare", Direction.AT_MOST, 0);
    }
    String size = String.format("%,d incidents + %,d changes", setting.historyIncidents(), setting.historyChanges());
    Map<String, String> history = new LinkedHashMap<>();
    history.put("openIncidents", "open incidents, limit 50");
    history.put("allIncidents", "all incidents, limit 50");
    history.put("incidentDetail", "incident detail");
    history.put("openChanges", "open changes, limit 50");
    history.put("changeDetail", "change detail");
    history.put("gateAtScale", "gate (Bearer)");
    history.forEach((id, what) -> {
      double p95 = o.figures.get(id);
      add("history-" + id, "6 · " + what + " p95, " + size, "ms", p95, null, null, "< 50 ms", null,
          o.failures.get(id));
      rows.set(rows.size() - 1, withGoal(rows.get(rows.size() - 1), p95 < 50));
    });
    for (String state : new String[] {"idle", "load"}) {
      String when = state.equals("idle") ? "idle" : "under load (8 senders)";
      add("heap-" + state, "7 · heap used, " + when, "MB", o.figures.get("heap-" + state), "bare starter",
          b.figures.get("heap-" + state), null, null, 0);
      add("rss-" + state, "7 · RSS, " + when, "MB", o.figures.get("rss-" + state), "bare starter",
          b.figures.get("rss-" + state), null, null, 0);
    }
  }

  private enum Direction { AT_LEAST, AT_MOST }

  private static final Pattern FACTOR = Pattern.compile("([0-9.]+) ×");

  private void add(String id, String figure, String unit, Double value, String baselineName, Double baseline,
      String goal, Direction direction) {
    add(id, figure, unit, value, baselineName, baseline, goal, direction, 0);
  }

  private void add(String id, String figure, String unit, Double value, String baselineName, Double baseline,
      String goal, Direction direction, long failures) {
    Double ratio = baseline == null || baseline == 0 || value == null ? null : value / baseline;
    Boolean met = null;
    if (direction != null && ratio != null) {
      Matcher factor = FACTOR.matcher(goal);
      factor.find();
      double wanted = Double.parseDouble(factor.group(1));
      met = direction == Direction.AT_LEAST ? ratio >= wanted : ratio <= wanted;
    }
    rows.add(new Row(id, figure, unit, finite(value), baselineName, finite(baseline), finite(ratio), goal, met,
        failures));
  }

  private static Row withGoal(Row row, boolean met) {
    return new Row(row.id(), row.figure(), row.unit(), row.opsflow(), row.baselineName(), row.baseline(), row.ratio(),
        row.goal(), met, row.failures());
  }

  private static Double finite(Double value) {
    return value == null || value.isNaN() || value.isInfinite() ? null : value;
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format("Setting **%s** on %s cores (%s, %s); MariaDB on the integration tests' server.%n",
        facts.get("setting"), facts.get("cores"), facts.get("os"), facts.get("java")));
    md.append(String.format("Throughput: %s s warm-up, then %s s measured (closed loop); gate latency: open loop, "
        + "%s s measured; p95s: %d runs after %d warm-up runs. Load average (1, 5, 15 min) before %s, after %s; "
        + "%s s in all.%n%n", facts.get("warmUpSeconds"), facts.get("measureSeconds"),
        setting.gateMeasure().toSeconds(), setting.runs(), setting.runsWarmUp(), facts.get("loadAverageBefore"),
        facts.get("loadAverageAfter"), facts.get("seconds")));
    md.append("| figure | OpsFlow | baseline | ratio | goal | met |\n|---|---:|---|---:|---|---|\n");
    for (Row row : rows) {
      String baseline = row.baseline() == null ? "—" : row.baselineName() + " " + number(row.baseline());
      md.append(String.format("| %s | %s %s%s | %s | %s | %s | %s |%n", row.figure(), number(row.opsflow()), row.unit(),
          row.failures() > 0 ? " (" + row.failures() + " failed)" : "", baseline,
          row.ratio() == null ? "—" : String.format("%.2f ×", row.ratio()), row.goal() == null ? "—" : row.goal(),
          row.met() == null ? "—" : row.met() ? "yes" : "**no**"));
    }
    return md.toString();
  }

  private static String number(Double value) {
    if (value == null) {
      return "n/a";
    }
    return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
  }

  // helpers ------------------------------------------------------------------------------------------

  private Load.Throughput closed(int clients, Load.Operation operation, Runnable during) throws InterruptedException {
    Load.Throughput measured = Load.closed(clients, setting.warmUp(), setting.measure(), operation, during);
    log("  %d client(s): %.1f/s (%d done, %d failed%s)", clients, measured.perSecond(), measured.operations(),
        measured.failures(), measured.firstFailure() == null ? "" : "; first: " + measured.firstFailure());
    return measured;
  }

  /** Heap in use (after a full GC when idle: the live set) and resident set size, in MB. */
  private void memory(Measured m, String state, long pid, boolean collect) {
    try {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      if (collect) {
        Thread.sleep(2_000);
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
      }
      Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
          .start();
      String heap = new String(info.getInputStream().readAllBytes());
      info.waitFor();
      Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
      m.figures.put("heap-" + state, used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN);
      Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      m.figures.put("rss-" + state, rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : Double.NaN);
      log("memory %s: heap %.0f MB, RSS %.0f MB", state, m.figures.get("heap-" + state), m.figures.get("rss-" + state));
    } catch (IOException | InterruptedException e) {
      m.figures.put("heap-" + state, Double.NaN);
      m.figures.put("rss-" + state, Double.NaN);
    }
  }

  private static String alert(String fingerprint) {
    return """
        {"version":"4","groupKey":"{}:{alertname=\\"BenchAlert\\"}","truncatedAlerts":0,"status":"firing",
         "receiver":"opsflow","groupLabels":{"alertname":"BenchAlert"},"commonLabels":{"alertname":"BenchAlert"},
         "commonAnnotations":{},"externalURL":"http://alertmanager.example:9093",
         "alerts":[{"status":"firing","labels":{"alertname":"BenchAlert","service":"%s","severity":"warning",
           "instance":"bench-1:8080"},"annotations":{"summary":"p99 latency above 500 ms on %s",
           "description":"Latency 730 ms for 5 minutes"},"startsAt":"2026-11-20T08:14:00.000Z",
           "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example:9090/graph","fingerprint":"%s"}]}"""
        .formatted(SERVICE, SERVICE, fingerprint);
  }

  private String token(Api admin, String account, String group) {
    expect(admin.post("/api/service-accounts", "{\"id\":\"%s\",\"group\":\"%s\"}".formatted(account, group)), 201);
    return admin.post("/api/service-accounts/" + account + "/tokens", "{\"label\":\"bench\"}").json().path("token")
        .asText();
  }

  private void person(Api admin, String user, String group) {
    expect(admin.post("/engine-rest/user/create", """
        {"profile":{"id":"%s","firstName":"Bench","lastName":"%s","email":"%s@example.com"},
         "credentials":{"password":"%s"}}""".formatted(user, group, user, PERSON_PASSWORD)), 204);
    expect(admin.put("/engine-rest/group/" + group + "/members/" + user, ""), 204);
  }

  private static void expect(Api.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("set-up failed: " + response);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  private String task(String base, String authorization, String incident, String activity) throws Exception {
    return awaitTask(URI.create(base + "/engine-rest/task?processInstanceBusinessKey=" + incident
        + "&taskDefinitionKey=" + activity + "&firstResult=0&maxResults=10"), authorization);
  }

  private void complete(String base, String authorization, String user, String task, String variables)
      throws Exception {
    postJson(base + "/engine-rest/task/" + task + "/claim", authorization, "{\"userId\":\"" + user + "\"}", 204);
    postJson(base + "/engine-rest/task/" + task + "/submit-form", authorization, "{\"variables\":" + variables + "}",
        204);
  }

  /** Polls every 10 ms (up to a minute) until the task exists; its id. */
  private String awaitTask(URI query, String authorization) throws Exception {
    String[] id = new String[1];
    if (!await(() -> {
      JsonNode tasks = getJson(query.toString(), authorization);
      if (tasks.size() == 1) {
        id[0] = tasks.get(0).path("id").asText();
        return true;
      }
      return false;
    })) {
      throw new IllegalStateException("no task at " + query);
    }
    return id[0];
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static boolean await(Condition condition) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (condition.holds()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private boolean get(URI uri, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  private JsonNode getJson(String uri, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " -> " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** POSTs JSON and checks the status; the answer as JSON (null when it has no body). */
  private JsonNode postJson(String uri, String authorization, String body, int status) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IllegalStateException("POST " + uri + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body().isBlank() ? null : JSON.readTree(response.body());
  }

  private static void log(String format, Object... arguments) {
    System.out.printf("[bench] " + format + "%n", arguments);
  }

  static List<String> rowIds(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.path("rows").forEach(row -> ids.add(row.path("id").asText()));
    return ids;
  }

  /**
   * Waits until the job executor has run every async step the load left behind (Camunda's message jobs),
   * so that the next phase is not measured behind another phase's backlog; records how long it took.
   */
  private void drain(String name, String what) throws InterruptedException {
    long begin = System.nanoTime();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (TestDatabase.count(name, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'message' AND RETRIES_ > 0") > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    long seconds = Math.round((System.nanoTime() - begin) / 1e9);
    facts.put("drainSeconds " + what, seconds);
    log("%s: async backlog drained in %d s", what, seconds);
  }
}
