package io.opsflow.kernel.engine;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine checks its schema version when it is built, so it must wait for Liquibase (Camunda's
 * tables) and Flyway (ours). Spring Boot orders its own JDBC beans after the migrations but does
 * not know Camunda's engine factory; this detector tells it. Registered in META-INF/spring.factories.
 */
public class ProcessEngineDependsOnMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
  }
}
