package io.opsflow.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsflow.metrics.persistence.MetricsMapper;
import io.opsflow.metrics.persistence.MetricsMapper.Slice;
import io.opsflow.support.BenchmarkApplication;
import io.opsflow.support.Benchmarks;

/**
 * A long history in MariaDB, written straight into the tables the figures read, and the figures'
 * calls and query plans over it: {@link MetricsBenchmark} times the calls at full size (on demand),
 * {@link MetricsQueryPlanIT} checks the plans at a small size in every build. Each subclass names
 * its own database (recreated at start) and drops it at the end.
 *
 * <p>The history spans the two years before today (UTC midnight): 40 services ({@code svc-01} the
 * busiest, about 11 % of everything, {@code svc-40} about 1 %) developed by 8 teams; incidents
 * (3 % without a catalog service; P1 5 %, P2 15 %, P3 40 %, P4 35 %, not prioritised 5 %; 97 %
 * acknowledged, 95 % resolved, about two thirds within their targets; alerts 55 %, people 30 %,
 * failed changes 10 %, feedback 5 %; 2 % restricted; 8 % escalated) with 3–6 timeline entries each;
 * changes (standard 60 %, normal 32 %, emergency 8 %; 92 % deployed, 5 % of those failed; 85 %
 * with a commit time; 4 % rolled back; 3 % linked to the incident they opened; 70 % of the
 * emergency ones fix an incident); a retrospective for 5 % of the incidents with three action items
 * each, most verified, some late, some never.
 */
@BenchmarkApplication
public abstract class MetricsAtScale {

  static final int SERVICES = 40;
  static final int TEAMS = 8;
  static final int HISTORY_DAYS = 730;
  /** The history ends here: today at midnight UTC. */
  static final Instant END = Instant.now().truncatedTo(ChronoUnit.DAYS);
  /** Every call covers the 90 days before {@link #END}. */
  static final Instant FROM = END.minus(Duration.ofDays(90));
  static final String BUSIEST = "svc-01";
  static final String TEAM = "team-1";
  /** The tables whose full scan fails the plan check: they grow with the history. */
  static final Set<String> BIG_TABLES = Set.of("incident", "incident_timeline", "change_request", "deployment_incident",
      "retrospective", "action_item", "plan_activation");
  /** The EXPLAIN access types that read a whole table (ALL) or a whole index (index). */
  static final Set<String> FULL_SCANS = Set.of("ALL", "index");
  private static final String MAPPER = MetricsMapper.class.getName() + ".";

  @Autowired
  Figures figures;
  @Autowired
  DataSource dataSource;
  @Autowired
  SqlSessionFactory sessions;
  @Autowired
  PlatformTransactionManager transactions;

  /** The scopes every call is asked for: everything, the busiest service, one team (five services). */
  static Map<String, Scope> scopes() {
    Map<String, Scope> scopes = new LinkedHashMap<>();
    scopes.put("overall", Scope.all());
    scopes.put("service " + BUSIEST, new Scope(List.of(BUSIEST), Set.of(TEAM, "oncall-1"), true));
    List<String> team = new ArrayList<>();
    for (int service = 1; service <= SERVICES; service++) {
      if ((service - 1) % TEAMS == 0) {
        team.add(service(service));
      }
    }
    scopes.put(TEAM + " (" + team.size() + " services)", new Scope(team, Set.of(TEAM, "oncall-1"), true));
    return scopes;
  }

  static String service(int index) {
    return String.format("svc-%02d", index);
  }

  /** Every figures call over the 90 days, by name: delivery, incidents, practice × scope × day, week, month. */
  Map<String, Supplier<Object>> calls() {
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    for (Interval interval : Interval.values()) {
      Period period = new Period(FROM, END, interval);
      scopes().forEach((name, scope) -> {
        calls.put("delivery " + name + " by " + interval.code(), () -> figures.delivery(period, scope));
        calls.put("incidents " + name + " by " + interval.code(), () -> figures.incidents(period, scope));
        calls.put("practice " + name + " by " + interval.code(), () -> figures.practice(period, scope));
      });
    }
    return calls;
  }

  /**
   * The rows MariaDB read for one call, whatever the load: the growth of the session's Handler_read_*
   * counters (index entries and table rows read, temporary tables' rows included) over the call, in one
   * transaction so that the call and the counters share the connection.
   */
  long rowsRead(Supplier<Object> call) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return new TransactionTemplate(transactions).execute(status -> {
      long first = handlerReads(jdbc);
      long idle = handlerReads(jdbc) - first; // what reading the counters reads
      long before = handlerReads(jdbc);
      call.get();
      return handlerReads(jdbc) - before - idle;
    });
  }

  private static long handlerReads(JdbcTemplate jdbc) {
    return jdbc.query("SHOW SESSION STATUS LIKE 'Handler_read%'", rows -> {
      long sum = 0;
      while (rows.next()) {
        sum += rows.getLong(2);
      }
      return sum;
    });
  }

  /**
   * The EXPLAIN of every statement of MetricsMapper as MyBatis binds it for each scope, bucketed by
   * day and as one total; prints them when asked and returns the full scans of big tables found (of
   * the table or of one of its indexes).
   */
  List<String> fullScans(boolean print) throws SQLException {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, Scope> scope : scopes().entrySet()) {
      for (String interval : new String[] {"day", null}) {
        for (Map.Entry<String, Map<String, Object>> statement : statements(scope.getValue(), interval).entrySet()) {
          String title = statement.getKey() + ", " + scope.getKey() + (interval == null ? ", total" : ", by day");
          Benchmarks.Plan plan = Benchmarks.explain(sessions, dataSource, MAPPER + statement.getKey(),
              statement.getValue());
          if (print) {
            plan.print(title);
          }
          for (List<String> row : plan.rows()) {
            // columns: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra; ALL reads
            // the whole table, index the whole of one index, unless the range is chosen again for each row
            // of the tables before it ("Range checked for each record")
            if (FULL_SCANS.contains(row.get(3)) && BIG_TABLES.contains(row.get(2))
                && !row.get(9).startsWith("Range checked for each record")) {
              found.add(title + ": " + row.get(3) + " on " + row.get(2) + " (" + row.get(8) + " rows)");
            }
          }
        }
      }
    }
    return found;
  }

  /** Every statement of MetricsMapper by name, with its parameters over the 90 days ("day" or null: a total). */
  static Map<String, Map<String, Object>> statements(Scope scope, String interval) {
    Period period = new Period(FROM, END, Interval.DAY);
    Slice slice = new Slice(FROM, END, period.alignedStart(), interval, Interval.DAY.seconds(), scope.services(), true,
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Map<String, Map<String, Object>> statements = new LinkedHashMap<>();
    for (String statement : List.of("delivery", "deploymentTimes", "incidents", "incidentTimes",
        "retrospectivesClosed")) {
      statements.put(statement, Map.of("s", slice));
    }
    statements.put("itemsDue", Map.of("s", slice, "firstDue", LocalDate.ofInstant(FROM, ZoneOffset.UTC),
        "lastDue", LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(1)));
    statements.put("openItems", Map.of("s", slice, "since", FROM.plus(Duration.ofDays(1)), "until", END,
        "lastDue", LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(1)));
    statements.put("drills", Map.of("planKeys", List.of("db-failover", "dc-outage"), "since",
        FROM.minus(Duration.ofDays(90)), "until", END));
    return statements;
  }

  /** Each statement of MetricsMapper for each scope by day, as a call that runs it through MyBatis. */
  Map<String, Supplier<Object>> statementCalls() {
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    scopes().forEach((name, scope) -> statements(scope, "day").forEach((statement, parameters) ->
        calls.put(statement + ", " + name + " by day", () -> {
          try (SqlSession session = sessions.openSession()) {
            return session.selectList(MAPPER + statement, new HashMap<>(parameters));
          }
        })));
    return calls;
  }

  /**
   * Writes the history on the server (MariaDB's sequence engine), in chunks, then analyses the tables.
   * Also the history behind bench/run's list and detail timings (io.opsflow.bench.Bench).
   */
  public static void load(JdbcTemplate jdbc, int incidents, int changes) {
    long end = END.getEpochSecond();
    jdbc.update(SERVICES_SQL, Timestamp.from(END), Timestamp.from(END));
    int chunk = 50_000;
    for (int first = 1; first <= incidents; first += chunk) {
      jdbc.update(INCIDENTS_SQL, end, end, end, first, Math.min(incidents, first + chunk - 1));
    }
    jdbc.update(TIMELINE_SQL);
    for (int first = 1; first <= changes; first += chunk) {
      jdbc.update(CHANGES_SQL, end, end, first, Math.min(changes, first + chunk - 1));
    }
    // the incident a failed deployment opened: its service's first failed-change incident after it
    jdbc.update("""
        UPDATE change_request c SET incident_key = (SELECT i.incident_key FROM incident i WHERE i.service_key =
          c.service_key AND i.source = 'change' AND i.opened_at >= c.deployed_at ORDER BY i.opened_at LIMIT 1)
        WHERE c.deployment_status IS NOT NULL AND CRC32(CONCAT('k', c.change_key)) % 100 < 3""");
    // what an emergency change fixes: its service's last incident opened before it
    jdbc.update("""
        UPDATE change_request c SET fixes_incident = (SELECT i.incident_key FROM incident i WHERE i.service_key =
          c.service_key AND i.opened_at <= c.created_at ORDER BY i.opened_at DESC LIMIT 1)
        WHERE c.change_type = 'emergency' AND CRC32(CONCAT('f', c.change_key)) % 100 < 70""");
    backFill(jdbc);
    jdbc.update(RETROSPECTIVES_SQL);
    jdbc.update(ACTION_ITEMS_SQL, end);
    jdbc.execute("ANALYZE TABLE catalog_service, incident, incident_timeline, change_request, retrospective, action_item,"
        + " deployment_incident");
  }

  /**
   * What {@link #load} writes, as a SHA-256: the sizes, the day the history ends, this class (its SQL), every
   * migration of OpsFlow's schema and Camunda's changelog. The same fingerprint, the same rows and tables.
   */
  static String fingerprint(int incidents, int changes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((incidents + " incidents, " + changes + " changes until " + END).getBytes(StandardCharsets.UTF_8));
      List<Resource> inputs = new ArrayList<>();
      inputs.add(new ClassPathResource(MetricsAtScale.class.getName().replace('.', '/') + ".class"));
      inputs.addAll(Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*")));
      inputs.add(new ClassPathResource("org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml"));
      inputs.sort(Comparator.comparing(Resource::getFilename));
      for (Resource input : inputs) {
        sha.update(input.getFilename().getBytes(StandardCharsets.UTF_8));
        try (var in = input.getInputStream()) {
          sha.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the services record with the facts (the deployment–incident links, the escalated flag), for a
   * history written straight into the tables: V34's back-fill, its statements as the migration runs them.
   */
  static void backFill(JdbcTemplate jdbc) {
    String migration;
    try (var in = MetricsAtScale.class.getResourceAsStream("/db/migration/" + BACK_FILL)) {
      migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> statements = Arrays.stream(migration.replaceAll("(?m)^--.*$", "").split(";"))
        .map(String::strip).filter(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE")).toList();
    if (statements.size() != 2) {
      throw new IllegalStateException(BACK_FILL + " back-fills with two statements, not " + statements);
    }
    statements.forEach(jdbc::update);
  }

  static final String BACK_FILL = "V34__figures_written_with_the_facts.sql";

  private static final String SERVICES_SQL = """
      INSERT INTO catalog_service (service_key, name, tier, dev_group, on_call_group, lifecycle, created_at, updated_at)
      SELECT CONCAT('svc-', LPAD(seq, 2, '0')), CONCAT('服务 ', seq), 1 + seq % 3, CONCAT('team-', 1 + (seq - 1) % 8),
        CONCAT('oncall-', 1 + (seq - 1) % 8), 'live', ?, ?
      FROM seq_1_to_40""";

  /** A skewed pick of one of the 40 services from a hash: svc-01 about 11 %, svc-40 about 1 %. */
  private static final String SERVICE_OF_H = "CONCAT('svc-', LPAD(1 + FLOOR(40 * POW(h / 4294967296, 1.7)), 2, '0'))";

  private static final String INCIDENTS_SQL = """
      INSERT INTO incident (incident_key, title, service_key, reported_service, unknown_service, on_call_group, impact,
        urgency, priority, ack_sla_minutes, resolve_sla_minutes, ack_due_at, resolve_due_at, source, reported_by, state,
        major, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, closed_at, seconds_to_acknowledge,
        seconds_to_resolve, ack_sla_breached, resolve_sla_breached, retrospective_due, category, restricted)
      SELECT incident_key, CONCAT('故障 ', seq, ' 🔥 latency'), service_key,
        CASE WHEN service_key IS NULL THEN 'legacy-batch' END, service_key IS NULL,
        COALESCE(CONCAT('oncall-', 1 + (CAST(SUBSTRING(service_key, 5) AS SIGNED) - 1) % 8), 'ops'),
        ELT(1 + a % 3, 'low', 'medium', 'high'), ELT(1 + b % 3, 'low', 'medium', 'high'), priority,
        ack_min, res_min, opened + INTERVAL ack_min MINUTE, opened + INTERVAL res_min MINUTE, source, 'olivia',
        CASE WHEN resolved_at IS NULL THEN 'open' ELSE 'closed' END, COALESCE(priority = 'P1', FALSE),
        opened, acknowledged_at, CASE WHEN acknowledged_at IS NOT NULL THEN 'oscar' END,
        resolved_at, CASE WHEN resolved_at IS NOT NULL THEN 'oscar' END, resolved_at + INTERVAL 1 HOUR,
        CASE WHEN acknowledged_at IS NOT NULL THEN ack_secs END, CASE WHEN resolved_at IS NOT NULL THEN res_secs END,
        ack_secs > ack_min * 60, res_secs > res_min * 60, FALSE, CASE WHEN restricted THEN 'security' END, restricted
      FROM (
        SELECT g.*,
          CASE WHEN c % 100 < 97 AND opened + INTERVAL ack_secs SECOND <= TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ? SECOND
            THEN opened + INTERVAL ack_secs SECOND END AS acknowledged_at,
          CASE WHEN c % 100 < 95 AND opened + INTERVAL res_secs SECOND <= TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ? SECOND
            THEN opened + INTERVAL res_secs SECOND END AS resolved_at
        FROM (
          SELECT p.*, d % (ack_min * 90) AS ack_secs, d % (ack_min * 90) + e % (res_min * 84) AS res_secs
          FROM (
            SELECT seq, a, b, c, d, e, CONCAT('INC-B-', LPAD(seq, 7, '0')) AS incident_key,
              TIMESTAMP'1970-01-01 00:00:00' + INTERVAL (? - age) SECOND AS opened,
              CASE WHEN a % 100 < 3 THEN NULL ELSE {service} END AS service_key,
              CASE WHEN b % 100 < 5 THEN 'P1' WHEN b % 100 < 20 THEN 'P2' WHEN b % 100 < 60 THEN 'P3'
                WHEN b % 100 < 95 THEN 'P4' END AS priority,
              CASE WHEN b % 100 < 5 THEN 15 WHEN b % 100 < 20 THEN 30 WHEN b % 100 < 60 THEN 120 ELSE 480 END AS ack_min,
              CASE WHEN b % 100 < 5 THEN 240 WHEN b % 100 < 20 THEN 480 WHEN b % 100 < 60 THEN 1440 ELSE 4320 END AS res_min,
              CASE WHEN c DIV 100 % 100 < 55 THEN 'alertmanager' WHEN c DIV 100 % 100 < 75 THEN 'api'
                WHEN c DIV 100 % 100 < 85 THEN 'tasklist' WHEN c DIV 100 % 100 < 95 THEN 'change' ELSE 'feedback' END AS source,
              c DIV 10000 % 100 < 2 AS restricted
            FROM (
              SELECT seq, CAST(CRC32(CONCAT('a', seq)) AS SIGNED) AS a, CAST(CRC32(CONCAT('b', seq)) AS SIGNED) AS b,
                CAST(CRC32(CONCAT('c', seq)) AS SIGNED) AS c, CAST(CRC32(CONCAT('d', seq)) AS SIGNED) AS d,
                CAST(CRC32(CONCAT('e', seq)) AS SIGNED) AS e, CAST(CRC32(CONCAT('h', seq)) AS SIGNED) AS h,
                CAST(CRC32(CONCAT('t', seq)) % (730 * 86400) AS SIGNED) AS age
              FROM seq_1_to_10000000 WHERE seq BETWEEN ? AND ?) hashed) p) g) timed""".replace("{service}", SERVICE_OF_H);

  /** 3–6 entries an incident (opened, acknowledged, notes, resolved, closed) and "escalated" for 8 %. */
  private static final String TIMELINE_SQL = """
      INSERT INTO incident_timeline (incident_key, occurred_at, kind, actor, message)
      SELECT i.incident_key, i.opened_at + INTERVAL s.seq MINUTE,
        CASE WHEN s.seq = 1 THEN 'opened' WHEN s.seq = 2 THEN 'acknowledged' WHEN s.seq = 6 THEN 'closed'
          WHEN s.seq = 3 AND CRC32(CONCAT('x', i.incident_key)) % 100 < 8 THEN 'escalated' ELSE 'note' END,
        'opsflow', CONCAT('处理记录 ', s.seq)
      FROM incident i JOIN seq_1_to_6 s ON s.seq <= 3 + CRC32(CONCAT('n', i.incident_key)) % 4""";

  private static final String CHANGES_SQL = """
      INSERT INTO change_request (change_key, service_key, version, title, change_type, tests_failed, has_db_migration,
        planned_start, commit_sha, requested_by, requested_via, risk, approval_route, verification_minutes, state,
        gate_status, deployment_status, deployed_at, outcome, retrospective_due, created_at, closed_at, committed_at)
      SELECT change_key, service_key, CONCAT('2.', seq % 500, '.', seq % 7), CONCAT('发布 ', seq), change_type, FALSE,
        b % 10 = 0, created, SHA1(change_key), 'devon', 'ci-bot', ELT(1 + b % 3, 'low', 'medium', 'high'),
        CASE WHEN change_type = 'standard' THEN 'auto' ELSE 'cab' END, 30 + 30 * (c % 2),
        CASE WHEN deployed_at IS NULL THEN 'scheduled' ELSE 'closed' END, 'approved', deployment_status, deployed_at,
        CASE WHEN deployed_at IS NULL THEN NULL WHEN d % 100 < 4 THEN 'rolled-back' WHEN deployment_status = 'failed'
          THEN 'failed' ELSE 'succeeded' END, FALSE, created,
        deployed_at + INTERVAL (60 + e % 600) MINUTE,
        CASE WHEN deployed_at IS NOT NULL AND e % 100 < 85 THEN deployed_at - INTERVAL (600 + a % (5 * 86400)) SECOND END
      FROM (
        SELECT p.*,
          CASE WHEN c % 100 < 92 AND created + INTERVAL (d % 172800) SECOND < TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ? SECOND
            THEN created + INTERVAL (d % 172800) SECOND END AS deployed_at,
          CASE WHEN c % 100 >= 92 THEN NULL WHEN c DIV 100 % 100 < 5 THEN 'failed' ELSE 'succeeded' END AS deployment_status
        FROM (
          SELECT seq, a, b, c, d, e, CONCAT('CHG-B-', LPAD(seq, 7, '0')) AS change_key, {service} AS service_key,
            CASE WHEN b DIV 100 % 100 < 60 THEN 'standard' WHEN b DIV 100 % 100 < 92 THEN 'normal' ELSE 'emergency' END
              AS change_type,
            TIMESTAMP'1970-01-01 00:00:00' + INTERVAL (? - age) SECOND AS created
          FROM (
            SELECT seq, CAST(CRC32(CONCAT('ca', seq)) AS SIGNED) AS a, CAST(CRC32(CONCAT('cb', seq)) AS SIGNED) AS b,
              CAST(CRC32(CONCAT('cc', seq)) AS SIGNED) AS c, CAST(CRC32(CONCAT('cd', seq)) AS SIGNED) AS d,
              CAST(CRC32(CONCAT('ce', seq)) AS SIGNED) AS e, CAST(CRC32(CONCAT('ch', seq)) AS SIGNED) AS h,
              CAST(CRC32(CONCAT('ct', seq)) % (730 * 86400) AS SIGNED) AS age
            FROM seq_1_to_10000000 WHERE seq BETWEEN ? AND ?) hashed) p) timed""".replace("{service}", SERVICE_OF_H);

  /** A retrospective for 5 % of the incidents, closed a week or two after the incident (80 % closed). */
  private static final String RETROSPECTIVES_SQL = """
      INSERT INTO retrospective (retro_key, subject_type, subject_key, service_key, window_start, window_end, state,
        requested_by, created_at, closed_at)
      SELECT CONCAT('RETRO-B-', SUBSTRING(i.incident_key, 7)), 'incident', i.incident_key, COALESCE(i.service_key, ''),
        i.opened_at, COALESCE(i.resolved_at, i.opened_at), CASE WHEN r % 100 < 80 THEN 'closed' ELSE 'open' END, 'mia',
        i.opened_at + INTERVAL 1 DAY, CASE WHEN r % 100 < 80 THEN i.opened_at + INTERVAL (7 + r % 8) DAY END
      FROM (SELECT incident_key, service_key, opened_at, resolved_at, CRC32(CONCAT('r', incident_key)) AS r FROM incident) i
      WHERE i.r DIV 100 % 100 < 5""";

  /** Three action items a retrospective, due 2–5 weeks after it: 70 % verified on time, 15 % late, 15 % open. */
  private static final String ACTION_ITEMS_SQL = """
      INSERT INTO action_item (item_key, retro_key, title, owner_group, due_date, state, escalated, verified_at, created_at)
      SELECT CONCAT(retro_key, '-', seq), retro_key, CONCAT('改进项 ', seq), 'team-1', due,
        CASE WHEN verified IS NULL THEN 'open' ELSE 'verified' END, FALSE, verified, created
      FROM (
        SELECT retro_key, seq, created, due,
          CASE WHEN planned < TIMESTAMP'1970-01-01 00:00:00' + INTERVAL ? SECOND THEN planned END AS verified
        FROM (
          SELECT retro_key, seq, created, DATE(created + INTERVAL (14 + v % 21) DAY) AS due,
            CASE WHEN v DIV 100 % 100 < 70 THEN created + INTERVAL (3 + v % 11) DAY
              WHEN v DIV 100 % 100 < 85 THEN created + INTERVAL (36 + v % 20) DAY END AS planned
          FROM (
            SELECT r.retro_key, s.seq, r.created_at AS created, CRC32(CONCAT(r.retro_key, '-', s.seq)) AS v
            FROM retrospective r JOIN seq_1_to_3 s) hashed) timed) x""";

}
