package io.opsflow.platform;

import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.systemDefault());
  }

  /** Runs after the migrations, before the engine (see {@link Utf8mb4TablesDetector}). */
  @Bean
  Utf8mb4Tables utf8mb4Tables(DataSource dataSource) {
    return new Utf8mb4Tables(dataSource);
  }

  /** Turns form refusals by OpsFlow's task listeners into 400 answers on both REST surfaces. */
  @Bean
  FilterRegistrationBean<TaskInputProblemFilter> taskInputProblems() {
    var registration = new FilterRegistrationBean<>(new TaskInputProblemFilter());
    registration.setName("OpsFlow task input problems");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 4);
    return registration;
  }

  /** After Spring Security and the engine's authentication, so strangers get 401 before their body is looked at. */
  @Bean
  FilterRegistrationBean<EngineTextLimitFilter> engineTextLimit() {
    var registration = new FilterRegistrationBean<>(new EngineTextLimitFilter());
    registration.setName("OpsFlow engine text limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  /** After Spring Security, so strangers get 401 before their body is looked at. */
  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> apiBodySizeLimit(
      @Value("${opsflow.api.max-body-size:1MB}") DataSize limit, ProblemWriter problems) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limit, problems));
    registration.setName("OpsFlow API body size limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }
}
