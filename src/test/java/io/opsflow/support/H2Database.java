package io.opsflow.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

import io.opsflow.kernel.domain.CodedTypeHandler;

/**
 * An in-memory H2 database (the demo profile's kind) for testing OpsFlow's own SQL without Spring:
 * migrated by the real Flyway scripts, read through MyBatis set up as the application sets it up.
 */
public final class H2Database {

  private H2Database() {
  }

  /**
   * A new database of its own holding only Camunda's tables, as Liquibase leaves it before Flyway's
   * migrations run (V36 indexes two of them); {@code name} only tells test runs apart in a dump.
   */
  public static JdbcDataSource fresh(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("RUNSCRIPT FROM 'classpath:org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql'");
    } catch (SQLException e) {
      throw new IllegalStateException("Camunda's schema on H2", e);
    }
    return h2;
  }

  /** Migrates to {@code target} (a version such as "17"), or to the latest when it is null. */
  public static void migrate(DataSource database, String target) {
    var flyway = flyway(database);
    (target == null ? flyway : flyway.target(target)).load().migrate();
  }

  /** Flyway as application.yaml sets it up: its own history table, begun at 0 beside Camunda's tables. */
  public static FluentConfiguration flyway(DataSource database) {
    return Flyway.configure().dataSource(database).table("opsflow_schema_history").baselineOnMigrate(true)
        .baselineVersion("0");
  }

  /** An auto-committing session with the mappers, configured like the application's MyBatis. */
  public static SqlSession session(DataSource database, Class<?>... mappers) {
    Configuration configuration = new Configuration(new Environment("h2", new JdbcTransactionFactory(), database));
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setArgNameBasedConstructorAutoMapping(true);
    configuration.setDefaultEnumTypeHandler(CodedTypeHandler.class);
    for (Class<?> mapper : mappers) {
      configuration.addMapper(mapper);
    }
    return new SqlSessionFactoryBuilder().build(configuration).openSession(true);
  }
}
