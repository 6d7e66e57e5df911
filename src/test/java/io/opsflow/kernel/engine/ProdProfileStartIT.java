package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsflow.support.Api;
import io.opsflow.support.OpsFlowProcess;
import io.opsflow.support.TestDatabase;

/**
 * The prod profile from the packaged jar against an empty MariaDB/MySQL database: the schema is
 * created at the first start (every table utf8mb4), the next start changes nothing but what an
 * older installation still has in another character set, no demo user or token exists, and unsafe
 * configurations are refused with a message. OPSFLOW_ADMIN_UNLOCK lets a locked-out
 * administrator back in at the next start.
 */
class ProdProfileStartIT {

  private static final String DATABASE = TestDatabase.name("opsflow_prod_it");
  private static final String ADMIN = "ops-chief";
  private static final String ADMIN_PASSWORD = "Correct-Horse-7";
  private static final String EMOJI_INCIDENT =
      "{\"title\":\"数据库 🔥 down\",\"description\":\"Zahlung fällt aus 💳\",\"impact\":\"low\",\"urgency\":\"low\"}";

  @TempDir
  Path workDir;

  @Test
  void startsOnAnEmptyDatabaseWithoutDemoDataAndStartsAgain() throws Exception {
    String url = TestDatabase.recreate(DATABASE);
    Map<String, String> env = prodEnvironment(url, ADMIN_PASSWORD);

    long changeSets;
    long migrations;
    // the demo history, even when asked for, needs the demo data that prod refuses
    try (OpsFlowProcess first = OpsFlowProcess.start(workDir, env, "--spring.profiles.active=prod",
        "--opsflow.demo.history.enabled=true")) {
      assertThat(first.running()).as(first.output()).isTrue();
      assertNoDemoAndAdministratorWorks(first.api());
      assertThat(first.output()).doesNotContain("Demo history");
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM change_request")
          + TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM incident")).as("no history").isZero();
      changeSets = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM DATABASECHANGELOG");
      migrations = TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM opsflow_schema_history WHERE success = 1");
      assertThat(changeSets).isPositive();
      assertThat(migrations).isPositive();
      Api admin = first.api().basic(ADMIN, ADMIN_PASSWORD);
      assertThat(admin.post("/api/services", "{\"key\":\"core-db\",\"name\":\"Core DB\",\"tier\":1,\"devGroup\":\"dev\"}")
          .status()).isEqualTo(201);
      assertThat(notUtf8mb4()).as("Camunda's tables too").isZero();
      assertThat(admin.post("/api/incidents", EMOJI_INCIDENT).status()).isEqualTo(201);
    }
    long foreignKeys = foreignKeys();
    olderInstallation();


    // the administrator locked out between the starts: by Camunda's lock-out of old and by an attack
    TestDatabase.execute(DATABASE, "UPDATE ACT_ID_USER SET ATTEMPTS_ = 10 WHERE ID_ = '" + ADMIN + "'");
    for (String key : List.of("account:" + ADMIN, "pair:" + ADMIN + "|address:127.0.0.1",
        "pair:" + ADMIN + "|address:0:0:0:0:0:0:0:0/64")) {
      TestDatabase.execute(DATABASE, "INSERT INTO sign_in_failure (throttle_key, account_id, failures, last_failure_at, "
          + "locked_until) VALUES ('" + key + "', '" + ADMIN + "', 40, NOW(), NOW() + INTERVAL 1 DAY)");
    }
    Map<String, String> unlocking = new HashMap<>(env);
    unlocking.put("OPSFLOW_ADMIN_UNLOCK", "true");

    try (OpsFlowProcess second = OpsFlowProcess.start(workDir, unlocking, "--spring.profiles.active=prod")) {
      assertThat(second.running()).as(second.output()).isTrue();
      assertThat(second.output()).contains("OPSFLOW_ADMIN_UNLOCK: every sign-in lock on the administrator '" + ADMIN + "'")
          .contains("Lifted Camunda's sign-in lock on 1 users");
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM sign_in_failure WHERE account_id = '" + ADMIN + "'"))
          .isZero();
      assertThat(second.output()).doesNotContain("Running Changeset").contains("Schema `" + DATABASE + "` is up to date");
      assertNoDemoAndAdministratorWorks(second.api());
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(changeSets);
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM opsflow_schema_history WHERE success = 1"))
          .isEqualTo(migrations);
      assertThat(second.api().basic(ADMIN, ADMIN_PASSWORD).get("/api/services/core-db").status())
          .as("data survives the restart").isEqualTo(200);
      assertThat(second.output()).contains("Converting 3 tables to utf8mb4");
      assertThat(notUtf8mb4()).isZero();
      assertThat(foreignKeys()).as("every foreign key is back, the new table's too").isEqualTo(foreignKeys + 1);
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
          + " WHERE CONSTRAINT_SCHEMA = '" + DATABASE + "' AND CONSTRAINT_NAME = 'ACT_FK_VAR_EXE'")).isOne();
      assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM opsflow_dropped_foreign_key")).isZero();
      assertThat(second.api().basic(ADMIN, ADMIN_PASSWORD).post("/api/incidents", EMOJI_INCIDENT).status())
          .isEqualTo(201);
    }
  }

  /**
   * What an installation from before the conversion looks like: a Camunda table in utf8mb3, a
   * table a later Camunda changeset added (in utf8mb3, with a foreign key), and a conversion that
   * was interrupted after it dropped a foreign key.
   */
  private static void olderInstallation() throws SQLException {
    try (Connection connection = DriverManager.getConnection(TestDatabase.url(DATABASE), TestDatabase.user(),
        TestDatabase.password()); Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE ACT_HI_ACTINST CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_bin");
      statement.execute("CREATE TABLE ACT_FUTURE_PARENT (ID_ VARCHAR(64) NOT NULL PRIMARY KEY)"
          + " CHARACTER SET utf8mb3 COLLATE utf8mb3_bin");
      statement.execute("CREATE TABLE ACT_FUTURE_CHILD (ID_ VARCHAR(64) NOT NULL PRIMARY KEY, PARENT_ID_ VARCHAR(64),"
          + " CONSTRAINT ACT_FK_FUTURE FOREIGN KEY (PARENT_ID_) REFERENCES ACT_FUTURE_PARENT (ID_))"
          + " CHARACTER SET utf8mb3 COLLATE utf8mb3_bin");
      statement.execute("INSERT INTO opsflow_dropped_foreign_key (table_name, constraint_name, definition) VALUES"
          + " ('ACT_RU_VARIABLE', 'ACT_FK_VAR_EXE', 'FOREIGN KEY (`EXECUTION_ID_`) REFERENCES `ACT_RU_EXECUTION` (`ID_`)"
          + " ON DELETE NO ACTION ON UPDATE NO ACTION')");
      statement.execute("ALTER TABLE ACT_RU_VARIABLE DROP FOREIGN KEY ACT_FK_VAR_EXE");
    }
  }

  private static long notUtf8mb4() {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
        + DATABASE + "' AND CHARACTER_SET_NAME <> 'utf8mb4'")
        + TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
        + DATABASE + "' AND TABLE_COLLATION <> 'utf8mb4_bin'");
  }

  private static long foreignKeys() {
    return TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
        + " WHERE CONSTRAINT_SCHEMA = '" + DATABASE + "'");
  }

  @Test
  void refusesToStartWithoutAnAdministratorPassword() throws Exception {
    String url = TestDatabase.recreate(DATABASE);

    try (OpsFlowProcess refused = OpsFlowProcess.start(workDir, prodEnvironment(url, null), "--spring.profiles.active=prod")) {
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.output()).contains("OpsFlow refused to start: no administrator password is set")
          .contains("OPSFLOW_ADMIN_PASSWORD");
    }
  }

  @Test
  void refusesToStartWithTheDemoPassword() throws Exception {
    String url = TestDatabase.recreate(DATABASE);

    try (OpsFlowProcess refused = OpsFlowProcess.start(workDir, prodEnvironment(url, "demo"), "--spring.profiles.active=prod")) {
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.output()).contains("OpsFlow refused to start: the administrator password is the public demo password");
    }
    assertThat(TestDatabase.count(DATABASE, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
        + DATABASE + "'")).as("nothing was created").isZero();
  }

  private static void assertNoDemoAndAdministratorWorks(Api api) {
    Api admin = api.basic(ADMIN, ADMIN_PASSWORD);
    JsonNode users = admin.get("/engine-rest/user?maxResults=100").json();
    assertThat(users.findValuesAsText("id")).containsExactly(ADMIN);
    assertThat(admin.get("/engine-rest/group/camunda-admin").status()).isEqualTo(200);
    assertThat(admin.get("/api/services").json().findValuesAsText("key")).doesNotContain("payments-api");
    assertThat(api.basic("olivia", "demo").get("/api/services").status()).isEqualTo(401);
    assertThat(api.basic("admin", "demo").get("/api/services").status()).isEqualTo(401);
    assertThat(api.bearer("demo-ci-token").get("/api/services").status()).isEqualTo(401);
    assertThat(api.bearer("demo-alert-token").get("/api/services").status()).isEqualTo(401);
    assertThat(api.anonymous().get("/engine-rest/engine").status()).isEqualTo(401);
    // processes, decisions and forms are deployed from the packaged jar
    assertThat(admin.get("/engine-rest/process-definition?key=incident-response&maxResults=10").json().findValuesAsText("key"))
        .contains("incident-response");
    assertThat(admin.get("/engine-rest/decision-definition?key=incident-priority&maxResults=10").json().size()).isPositive();
    JsonNode deployment = admin.get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc&maxResults=1").json();
    String deploymentId = deployment.get(0).path("id").asText();
    assertThat(admin.get("/engine-rest/deployment/" + deploymentId + "/resources").json().findValuesAsText("name"))
        .anyMatch(name -> name.endsWith("acknowledge-triage.form"))
        .anyMatch(name -> name.endsWith("incident-response.bpmn"));
  }

  private static Map<String, String> prodEnvironment(String url, String adminPassword) {
    Map<String, String> env = new HashMap<>();
    env.put("OPSFLOW_DB_URL", url);
    env.put("OPSFLOW_DB_USER", TestDatabase.user());
    env.put("OPSFLOW_DB_PASSWORD", TestDatabase.password());
    env.put("OPSFLOW_ADMIN_USER", ADMIN);
    if (adminPassword != null) {
      env.put("OPSFLOW_ADMIN_PASSWORD", adminPassword);
    }
    return env;
  }
}
