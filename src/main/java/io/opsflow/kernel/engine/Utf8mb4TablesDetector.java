package io.opsflow.kernel.engine;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Makes {@link Utf8mb4Tables} a database initializer of its own: Spring Boot runs initializers
 * one detector after another, so coming last it runs after Liquibase and Flyway, and the process
 * engine (see {@link ProcessEngineDependsOnMigrations}) waits for it. Registered in
 * META-INF/spring.factories.
 */
public class Utf8mb4TablesDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(Utf8mb4Tables.class);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
