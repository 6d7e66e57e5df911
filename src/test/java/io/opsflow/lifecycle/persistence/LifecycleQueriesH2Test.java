package io.opsflow.lifecycle.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opsflow.catalog.LifecycleState;
import io.opsflow.catalog.persistence.ServiceMapper;
import io.opsflow.support.H2Database;

/**
 * V19 and the lifecycle and usage queries on H2 (the demo profile's database), from a database
 * that had services before: the ITs run them on MariaDB.
 */
class LifecycleQueriesH2Test {

  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private static final String FEATURE = "搜索 🔍 Suche";

  private SqlSession session;
  private ServiceMapper services;
  private UsageMapper usage;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = H2Database.fresh("lifecycle");
    H2Database.migrate(h2, "17");
    try (var connection = h2.getConnection(); var statement = connection.createStatement()) {
      statement.execute("INSERT INTO catalog_service (service_key, name, tier, dev_group, on_call_group, created_at,"
          + " updated_at) VALUES ('payments-api', 'Payments', 1, 'dev', 'ops', TIMESTAMP '2025-01-01 00:00:00',"
          + " TIMESTAMP '2025-01-01 00:00:00')");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    H2Database.migrate(h2, null);
    session = H2Database.session(h2, ServiceMapper.class, UsageMapper.class);
    services = session.getMapper(ServiceMapper.class);
    usage = session.getMapper(UsageMapper.class);
  }

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void anExistingServiceIsLiveWithItsHistoryAndMovesOnlyFromTheStateItIsIn() {
    assertThat(services.find("payments-api").lifecycle()).isEqualTo(LifecycleState.LIVE);
    assertThat(services.transitions("payments-api")).singleElement().satisfies(row -> {
      assertThat(row.fromState()).isNull();
      assertThat(row.toState()).isEqualTo(LifecycleState.LIVE);
    });

    assertThat(services.moveLifecycle("payments-api", LifecycleState.PLANNED, LifecycleState.LAUNCHING, NOW)).isZero();
    assertThat(services.moveLifecycle("payments-api", LifecycleState.LIVE, LifecycleState.DEPRECATED, NOW)).isOne();
    services.insertTransition(new ServiceMapper.TransitionRow("payments-api", LifecycleState.LIVE,
        LifecycleState.DEPRECATED, "mia", "pi-1", "RET-2026-0001", "下线通知 📢", NOW));

    assertThat(services.find("payments-api").lifecycle()).isEqualTo(LifecycleState.DEPRECATED);
    List<ServiceMapper.TransitionRow> history = services.transitions("payments-api");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).reason()).isEqualTo("下线通知 📢");
    assertThat(history.get(1).businessKey()).isEqualTo("RET-2026-0001");
  }

  @Test
  void aFeatureDayIsReplacedByItsRepeatAndReadBackWhole() {
    LocalDate day = LocalDate.of(2026, 2, 20);
    usage.insertServiceDay(new UsageMapper.ServiceDay("payments-api", day, 1000, "usage-job", NOW));
    usage.insertFeatureDay(new UsageMapper.FeatureDay("payments-api", FEATURE, day, 400, 900, 35, "usage-job", NOW));

    int replaced = usage.updateFeatureDay(new UsageMapper.FeatureDay("payments-api", FEATURE, day, 450, 1000, null,
        "usage-job", NOW));

    assertThat(replaced).isOne();
    assertThat(usage.updateFeatureDay(new UsageMapper.FeatureDay("payments-api", FEATURE, day.plusDays(1), 1, 1, null,
        "usage-job", NOW))).as("no row for another day").isZero();
    assertThat(usage.featureDays("payments-api", day, day)).singleElement().satisfies(row -> {
      assertThat(row.feature()).isEqualTo(FEATURE);
      assertThat(row.activeUsers()).isEqualTo(450);
      assertThat(row.medianSecondsSpent()).isNull();
    });
    assertThat(usage.serviceDays("payments-api", day.minusDays(1), day)).singleElement()
        .satisfies(row -> assertThat(row.activeUsers()).isEqualTo(1000));
  }
}
