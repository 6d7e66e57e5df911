package io.opsflow.lifecycle.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import io.opsflow.support.H2Database;

/**
 * V27 and the launch queries on H2 (the demo profile's database), Chinese and emoji stored whole; the
 * process test runs them on MariaDB.
 */
class LaunchQueriesH2Test {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private SqlSession session;
  private LaunchMapper launches;

  @BeforeEach
  void database() throws java.sql.SQLException {
    JdbcDataSource h2 = H2Database.fresh("launch");
    H2Database.migrate(h2, null);
    try (var connection = h2.getConnection(); var statement = connection.createStatement()) {
      statement.execute("INSERT INTO catalog_service (service_key, name, tier, dev_group, on_call_group, lifecycle,"
          + " created_at, updated_at) VALUES ('search-api', 'Search', 2, 'dev', 'ops', 'planned',"
          + " TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
    }
    session = H2Database.session(h2, LaunchMapper.class);
    launches = session.getMapper(LaunchMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void aLaunchItsSignOffsAndReportsAreStoredWholeAndOnlyOneRunsPerService() {
    launches.insert(launch("LAUNCH-2026-0001", "2.0 首发版 🚀"));
    assertThat(launches.running("search-api")).isEqualTo("LAUNCH-2026-0001");
    assertThatThrownBy(() -> launches.insert(launch("LAUNCH-2026-0002", "2.1")))
        .as("a second running launch of the service").isInstanceOf(PersistenceException.class);

    launches.setReadiness("LAUNCH-2026-0001", "✘ Feedback channel: 尚无反馈 🙈");
    launches.insertSignOff("LAUNCH-2026-0001", new SignOff("qa", "quinn", "压测通过 ✅", "https://perf.example/1", NOW));
    launches.insertReport("LAUNCH-2026-0001", new LaunchReport(1, "第 1 天：一切正常 👍", NOW));
    launches.end("LAUNCH-2026-0001", LaunchState.NO_GO, "没有负责人 🙅", NOW);

    Launch ended = launches.find("LAUNCH-2026-0001");
    assertThat(ended.version()).isEqualTo("2.0 首发版 🚀");
    assertThat(ended.readiness()).isEqualTo("✘ Feedback channel: 尚无反馈 🙈");
    assertThat(ended.state()).isEqualTo(LaunchState.NO_GO);
    assertThat(ended.decisionReasons()).isEqualTo("没有负责人 🙅");
    assertThat(launches.signOffs("LAUNCH-2026-0001")).containsExactly(
        new SignOff("qa", "quinn", "压测通过 ✅", "https://perf.example/1", NOW));
    assertThat(launches.reports("LAUNCH-2026-0001")).containsExactly(new LaunchReport(1, "第 1 天：一切正常 👍", NOW));
    assertThat(launches.running("search-api")).as("ended: the service may be launched again").isNull();
    launches.insert(launch("LAUNCH-2026-0002", "2.1"));
    assertThat(launches.running("search-api")).isEqualTo("LAUNCH-2026-0002");
  }

  private static Launch launch(String key, String version) {
    return new Launch(key, "search-api", version, LocalDate.of(2026, 3, 2), 14, LaunchState.PREPARING, "mia", NOW,
        "pi-1", null, null, null, null, null, null);
  }
}
