package io.opsflow.kernel.engine;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in the database (Spring Session JDBC; tables from Flyway V10), so every node of a
 * cluster serves every signed-in person and a restart signs nobody out. Two requests of one
 * session may store the same new attribute at once (two nodes, or Tasklist's parallel calls):
 * storing it as an upsert lets the later one win where a plain insert would fail with a 500.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSessions {

  private static final String H2_UPSERT_ATTRIBUTE = """
      MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
      throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    return switch (DatabaseDriver.fromProductName(product)) {
      case MYSQL, MARIADB -> new MySqlJdbcIndexedSessionRepositoryCustomizer();
      case H2 -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
      // other databases keep Spring Session's plain insert
      default -> repository -> { };
    };
  }
}
