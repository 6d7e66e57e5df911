package io.opsflow.kernel.engine;

import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.systemDefault());
  }

  /** Runs after the migrations, before the engine (see {@link Utf8mb4TablesDetector}). */
  @Bean
  Utf8mb4Tables utf8mb4Tables(DataSource dataSource) {
    return new Utf8mb4Tables(dataSource);
  }
}
