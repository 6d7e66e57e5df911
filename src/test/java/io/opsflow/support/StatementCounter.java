package io.opsflow.support;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Counts the statements MySQL Connector/J sends, on every connection of the JVM that names it in
 * {@code queryInterceptors} (benchmarks only: {@link #PROPERTY}). The server's own counters are shared
 * by everyone on it, and performance_schema is off on the machine's MariaDB.
 */
public class StatementCounter implements QueryInterceptor {

  /** The data source property that installs it on the application's connections. */
  public static final String PROPERTY = "spring.datasource.hikari.data-source-properties.queryInterceptors";

  private static final AtomicLong STATEMENTS = new AtomicLong();

  /** Statements sent so far. */
  public static long count() {
    return STATEMENTS.get();
  }

  @Override
  public QueryInterceptor init(MysqlConnection connection, java.util.Properties properties, Log log) {
    return this;
  }

  @Override
  public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
    STATEMENTS.incrementAndGet();
    return null;
  }

  @Override
  public boolean executeTopLevelOnly() {
    return true;
  }

  @Override
  public void destroy() {
  }

  @Override
  public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet,
      ServerSession serverSession) {
    return null;
  }
}
