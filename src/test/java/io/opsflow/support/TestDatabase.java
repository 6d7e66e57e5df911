package io.opsflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The MySQL-compatible server the integration tests run against (MariaDB in CI). Configured by
 * OPSFLOW_TEST_DB_URL (server URL without a database), OPSFLOW_TEST_DB_USER and
 * OPSFLOW_TEST_DB_PASSWORD. A missing server fails the tests; they are never skipped.
 * OPSFLOW_TEST_DB_SUFFIX is appended to every database name, so two checkouts can run their tests
 * side by side on one server.
 */
public final class TestDatabase {

  private static final String SERVER = env("OPSFLOW_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
  private static final String USER = env("OPSFLOW_TEST_DB_USER", "root");
  private static final String PASSWORD = env("OPSFLOW_TEST_DB_PASSWORD", "");
  private static final String SUFFIX = env("OPSFLOW_TEST_DB_SUFFIX", "");
  static final String PARAMETERS = "?sendFractionalSeconds=false&allowPublicKeyRetrieval=true&useSSL=false";

  private TestDatabase() {
  }

  /** The name of a test database on this run's server, with OPSFLOW_TEST_DB_SUFFIX appended. */
  public static String name(String base) {
    return base + SUFFIX;
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  /** Drops and creates the database, so a test starts from nothing; returns its JDBC URL. */
  public static String recreate(String name) {
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database name " + name);
    }
    try (Connection connection = DriverManager.getConnection(SERVER + PARAMETERS, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("The integration tests need a MySQL-compatible server at " + SERVER
          + " (user " + USER + "). Start MariaDB/MySQL or set OPSFLOW_TEST_DB_URL, OPSFLOW_TEST_DB_USER and "
          + "OPSFLOW_TEST_DB_PASSWORD. Cause: " + e.getMessage(), e);
    }
    return url(name);
  }

  public static String url(String name) {
    String server = SERVER.endsWith("/") ? SERVER : SERVER + "/";
    return server + name + PARAMETERS;
  }

  /** Runs a query with one numeric result against the named database. */
  public static long count(String database, String sql) {
    try (Connection connection = DriverManager.getConnection(url(database), USER, PASSWORD);
        Statement statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs one statement against the named database; returns the update count. */
  public static int execute(String database, String sql) {
    try (Connection connection = DriverManager.getConnection(url(database), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a query against the named database and returns its rows, each column as text. */
  public static List<List<String>> rows(String database, String sql) {
    try (Connection connection = DriverManager.getConnection(url(database), USER, PASSWORD);
        Statement statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getString(column));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
