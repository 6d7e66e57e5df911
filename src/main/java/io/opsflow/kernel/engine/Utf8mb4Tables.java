package io.opsflow.kernel.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Camunda's Liquibase changelog creates its tables {@code utf8mb3} even in a {@code utf8mb4}
 * database, so a 4-byte character (an emoji) in a process variable fails the insert. At every
 * start, after the migrations and before the engine, this converts every table of the schema that
 * still has a column in another character set to {@code utf8mb4_bin}: new installations, existing
 * ones, and tables a future Camunda changeset adds. Tables already converted are left alone, so
 * later starts change nothing. Nothing happens on other databases (H2 stores Java strings).
 *
 * <p>MariaDB refuses to change the character set of a column in a foreign key even with
 * {@code FOREIGN_KEY_CHECKS=0}, so the foreign keys that touch the tables are dropped first and
 * added again afterwards. Their definitions are written to {@code opsflow_dropped_foreign_key}
 * before they are dropped, so a start interrupted in between restores them the next time. A
 * database lock keeps two nodes starting together from converting at the same time.
 */
public class Utf8mb4Tables implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(Utf8mb4Tables.class);

  private static final String LOCK = "opsflow_utf8mb4_tables";
  private static final String NOT_YET_UTF8MB4 = """
      SELECT DISTINCT t.TABLE_NAME FROM information_schema.TABLES t
      LEFT JOIN information_schema.COLUMNS c
        ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.CHARACTER_SET_NAME <> 'utf8mb4'
      WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
        AND (t.TABLE_COLLATION NOT LIKE 'utf8mb4%' OR c.COLUMN_NAME IS NOT NULL)
      ORDER BY t.TABLE_NAME""";
  private static final String FOREIGN_KEYS = """
      SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,
        k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME
      FROM information_schema.REFERENTIAL_CONSTRAINTS rc
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = rc.TABLE_NAME AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
      WHERE rc.CONSTRAINT_SCHEMA = DATABASE()
      ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  private final DataSource dataSource;

  public Utf8mb4Tables(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A foreign key as {@code ALTER TABLE ... ADD CONSTRAINT} needs it.
   *
   * @param referenced the table it references (not remembered for dropped keys)
   */
  private record ForeignKey(String table, String name, String referenced, String definition) {

    String id() {
      return table + "." + name;
    }
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!"MySQL".equals(connection.getMetaData().getDatabaseProductName())
          || strings(connection, NOT_YET_UTF8MB4).isEmpty() && dropped(connection).isEmpty()) {
        return;
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        if (!List.of("1").equals(strings(connection, "SELECT GET_LOCK('" + LOCK + "', 600)"))) {
          throw new IllegalStateException("Another node has been converting tables to utf8mb4 for 10 minutes;"
              + " start this one again when it has finished");
        }
        statement.execute("SET FOREIGN_KEY_CHECKS = 0");
        try {
          convert(connection, statement, strings(connection, NOT_YET_UTF8MB4));
        } finally {
          statement.execute("SET FOREIGN_KEY_CHECKS = 1");
          strings(connection, "SELECT RELEASE_LOCK('" + LOCK + "')");
          connection.setAutoCommit(autoCommit);
        }
      }
    }
  }

  private static void convert(Connection connection, Statement statement, List<String> tables) throws SQLException {
    if (!tables.isEmpty()) {
      log.info("Converting {} tables to utf8mb4, so text with 4-byte characters (emoji) can be stored: {}",
          tables.size(), tables);
    }
    List<String> remembered = dropped(connection).stream().map(ForeignKey::id).toList();
    Map<String, List<ForeignKey>> touching = byTable(foreignKeys(connection).stream()
        .filter(key -> tables.contains(key.table()) || tables.contains(key.referenced())).toList());
    try (PreparedStatement remember = connection.prepareStatement(
        "INSERT INTO opsflow_dropped_foreign_key (table_name, constraint_name, definition) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, List<ForeignKey>> table : touching.entrySet()) {
        for (ForeignKey key : table.getValue()) {
          if (!remembered.contains(key.id())) {
            remember.setString(1, key.table());
            remember.setString(2, key.name());
            remember.setString(3, key.definition());
            remember.executeUpdate();
          }
        }
        statement.execute("ALTER TABLE " + quote(table.getKey()) + " " + table.getValue().stream()
            .map(key -> "DROP FOREIGN KEY " + quote(key.name())).collect(Collectors.joining(", ")));
      }
    }
    for (String table : tables) {
      statement.execute("ALTER TABLE " + quote(table) + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    List<String> present = foreignKeys(connection).stream().map(ForeignKey::id).toList();
    for (Map.Entry<String, List<ForeignKey>> table : byTable(dropped(connection)).entrySet()) {
      List<ForeignKey> missing = table.getValue().stream().filter(key -> !present.contains(key.id())).toList();
      if (!missing.isEmpty()) {
        statement.execute("ALTER TABLE " + quote(table.getKey()) + " " + missing.stream()
            .map(key -> "ADD CONSTRAINT " + quote(key.name()) + " " + key.definition())
            .collect(Collectors.joining(", ")));
      }
      try (PreparedStatement forget = connection.prepareStatement(
          "DELETE FROM opsflow_dropped_foreign_key WHERE table_name = ?")) {
        forget.setString(1, table.getKey());
        forget.executeUpdate();
      }
    }
  }

  /** One statement per table for its foreign keys: DDL is slow, even on empty tables. */
  private static Map<String, List<ForeignKey>> byTable(List<ForeignKey> keys) {
    return keys.stream().collect(Collectors.groupingBy(ForeignKey::table, LinkedHashMap::new, Collectors.toList()));
  }

  private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
    record Head(String table, String name, String referenced, String rules) {
    }
    Map<String, Head> heads = new LinkedHashMap<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, List<String>> referencedColumns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
      while (rows.next()) {
        String id = rows.getString(1) + "." + rows.getString(2);
        heads.putIfAbsent(id, new Head(rows.getString(1), rows.getString(2), rows.getString(3),
            "ON DELETE " + rows.getString(5) + " ON UPDATE " + rows.getString(4)));
        columns.computeIfAbsent(id, ignored -> new ArrayList<>()).add(quote(rows.getString(6)));
        referencedColumns.computeIfAbsent(id, ignored -> new ArrayList<>()).add(quote(rows.getString(7)));
      }
    }
    return heads.entrySet().stream().map(entry -> {
      Head head = entry.getValue();
      return new ForeignKey(head.table(), head.name(), head.referenced(), "FOREIGN KEY ("
          + String.join(", ", columns.get(entry.getKey())) + ") REFERENCES " + quote(head.referenced()) + " ("
          + String.join(", ", referencedColumns.get(entry.getKey())) + ") " + head.rules());
    }).toList();
  }

  private static List<ForeignKey> dropped(Connection connection) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT table_name, constraint_name, definition FROM opsflow_dropped_foreign_key")) {
      while (rows.next()) {
        keys.add(new ForeignKey(rows.getString(1), rows.getString(2), null, rows.getString(3)));
      }
    }
    return keys;
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
