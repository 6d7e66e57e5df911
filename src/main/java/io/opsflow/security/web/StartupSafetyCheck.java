package io.opsflow.security.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

import io.opsflow.kernel.engine.UnsafeConfigurationException;

/**
 * Runs before any bean exists, so a production start with the demo password, no administrator
 * password or no database ends at once with a message instead of a half-configured system.
 */
class StartupSafetyCheck implements BeanFactoryPostProcessor {

  static final String DEMO_PASSWORD = "demo";
  static final int MIN_PASSWORD_LENGTH = 8;

  private final Environment environment;

  StartupSafetyCheck(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check();
  }

  void check() {
    boolean demo = environment.getProperty("opsflow.demo.enabled", Boolean.class, false);
    boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    String password = environment.getProperty("opsflow.admin.password", "");
    String user = environment.getProperty("opsflow.admin.user", "");

    if (prod && demo) {
      throw new UnsafeConfigurationException("demo data is switched on in the prod profile.",
          "Remove opsflow.demo.enabled=true (OPSFLOW_DEMO_ENABLED) from the production configuration.");
    }
    if (prod) {
      String url = environment.getProperty("spring.datasource.url", "");
      if (url.isBlank()) {
        throw new UnsafeConfigurationException("no database is configured for the prod profile.",
            "Set OPSFLOW_DB_URL (for example jdbc:mysql://db:3306/opsflow), OPSFLOW_DB_USER and OPSFLOW_DB_PASSWORD.");
      }
      if (!url.startsWith("jdbc:mysql:")) {
        throw new UnsafeConfigurationException("OPSFLOW_DB_URL must point to MySQL in the prod profile, not '"
            + url.replaceAll("\\?.*", "") + "'.",
            "Use a jdbc:mysql:// URL; the embedded database is for the demo (default) profile only.");
      }
    }
    if (user.isBlank()) {
      throw new UnsafeConfigurationException("no administrator user name is set.",
          "Set OPSFLOW_ADMIN_USER (prod) or opsflow.admin.user.");
    }
    if (password.isBlank()) {
      throw new UnsafeConfigurationException("no administrator password is set.",
          "Set OPSFLOW_ADMIN_PASSWORD (prod) or opsflow.admin.password to a password of at least "
              + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (!demo && DEMO_PASSWORD.equals(password.toLowerCase(Locale.ROOT).strip())) {
      throw new UnsafeConfigurationException("the administrator password is the public demo password 'demo'.",
          "Choose another OPSFLOW_ADMIN_PASSWORD.");
    }
    if (!demo && password.length() < MIN_PASSWORD_LENGTH) {
      throw new UnsafeConfigurationException("the administrator password is shorter than " + MIN_PASSWORD_LENGTH
          + " characters.", "Choose a longer OPSFLOW_ADMIN_PASSWORD.");
    }
  }
}
