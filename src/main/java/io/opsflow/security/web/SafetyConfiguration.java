package io.opsflow.security.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SafetyConfiguration {

  /** Static: a BeanFactoryPostProcessor must not wait for its configuration class. */
  @Bean
  static StartupSafetyCheck startupSafetyCheck(Environment environment) {
    return new StartupSafetyCheck(environment);
  }
}
