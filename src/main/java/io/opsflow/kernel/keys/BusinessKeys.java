package io.opsflow.kernel.keys;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Numbers such as {@code INC-2026-0042}: one counter per prefix and year, unique across nodes.
 * <p>
 * Each number is counted up in a short transaction of its own, committed before the caller goes on,
 * so the counter row is locked for a millisecond rather than for the caller's whole transaction
 * (process start and flush included): holding it that long made intake one request at a time
 * whatever the cores (issue 16). The price: a caller that rolls back leaves a gap, and numbers may
 * become visible slightly out of order (INC-…-0043 committed before INC-…-0042).
 * <p>
 * The short transactions run on a small pool of their own, a copy of the application's settings:
 * borrowing a second connection from the main pool while the caller holds one would, with every
 * connection held by callers waiting for a second, stop intake for the pool's timeout.
 * <p>
 * The counter is created and counted up in one statement. Creating it with an insert and counting
 * up with an update after a duplicate-key refusal made callers that took the first key of a year at
 * the same moment deadlock on MySQL/MariaDB (each holds a shared lock from its refused insert and
 * waits for the others' to update): requests failed with 500.
 */
@Component
public class BusinessKeys implements DisposableBean {

  private static final String COUNT_UP_MYSQL = """
      INSERT INTO business_key_sequence (prefix, key_year, last_value) VALUES (?, ?, 1)
      ON DUPLICATE KEY UPDATE last_value = last_value + 1""";
  private static final String COUNT_UP_STANDARD = """
      MERGE INTO business_key_sequence s
      USING (VALUES (CAST(? AS VARCHAR(16)), CAST(? AS INT))) AS v (prefix, key_year)
      ON s.prefix = v.prefix AND s.key_year = v.key_year
      WHEN MATCHED THEN UPDATE SET last_value = s.last_value + 1
      WHEN NOT MATCHED THEN INSERT (prefix, key_year, last_value) VALUES (v.prefix, v.key_year, 1)""";
  private static final String CURRENT = "SELECT last_value FROM business_key_sequence WHERE prefix = ? AND key_year = ?";
  /** Enough for the counter's one-millisecond transactions of every request thread. */
  private static final int COUNTER_CONNECTIONS = 2;

  private final DataSource counter;
  private final Clock clock;
  private final String countUp;

  BusinessKeys(Clock clock, DataSource dataSource) throws MetaDataAccessException, SQLException {
    this.clock = clock;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    DatabaseDriver driver = DatabaseDriver.fromProductName(product);
    this.countUp = driver == DatabaseDriver.MYSQL || driver == DatabaseDriver.MARIADB ? COUNT_UP_MYSQL : COUNT_UP_STANDARD;
    this.counter = counterPool(dataSource);
  }

  /** A pool of its own with the application pool's settings; any other kind of data source is used as it is. */
  private static DataSource counterPool(DataSource dataSource) throws SQLException {
    if (!dataSource.isWrapperFor(HikariDataSource.class)) {
      return dataSource;
    }
    HikariConfig config = new HikariConfig();
    dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
    config.setPoolName("opsflow-keys");
    config.setMaximumPoolSize(COUNTER_CONNECTIONS);
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    return new HikariDataSource(config);
  }

  /**
   * The next key for the prefix in the current (UTC) year, e.g. {@code next("INC")} gives INC-2026-0042;
   * committed at once, whatever becomes of the caller's transaction.
   */
  public String next(String prefix) {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    return "%s-%d-%04d".formatted(prefix, year, countUp(prefix, year));
  }

  private long countUp(String prefix, int year) {
    try (Connection connection = counter.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement up = connection.prepareStatement(countUp);
          PreparedStatement current = connection.prepareStatement(CURRENT)) {
        up.setString(1, prefix);
        up.setInt(2, year);
        up.executeUpdate();
        current.setString(1, prefix);
        current.setInt(2, year);
        try (ResultSet value = current.executeQuery()) {
          value.next();
          long number = value.getLong(1);
          connection.commit();
          return number;
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("counting up the " + prefix + " keys of " + year, e);
    }
  }

  @Override
  public void destroy() {
    if (counter instanceof HikariDataSource own) {
      own.close();
    }
  }
}
