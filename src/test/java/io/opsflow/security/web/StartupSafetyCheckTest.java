package io.opsflow.security.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import io.opsflow.kernel.engine.UnsafeConfigurationException;

class StartupSafetyCheckTest {

  @Test
  void demoProfileMayUseTheDemoPassword() {
    MockEnvironment demo = environment("demo").withProperty("opsflow.demo.enabled", "true");

    assertThatCode(() -> new StartupSafetyCheck(demo).check()).doesNotThrowAnyException();
  }

  @Test
  void prodWithAStrongPasswordAndMySqlStarts() {
    assertThatCode(() -> new StartupSafetyCheck(prod("Correct-Horse-7")).check()).doesNotThrowAnyException();
  }

  @Test
  void prodRefusesAMissingPassword() {
    assertRefused(prod(""), "no administrator password is set");
  }

  @Test
  void prodRefusesTheDemoPasswordInAnySpelling() {
    assertRefused(prod("demo"), "public demo password");
    assertRefused(prod(" DEMO "), "public demo password");
  }

  @Test
  void prodRefusesAShortPassword() {
    assertRefused(prod("s3cret"), "shorter than 8");
  }

  @Test
  void prodRefusesDemoData() {
    assertRefused(prod("Correct-Horse-7").withProperty("opsflow.demo.enabled", "true"), "demo data is switched on");
  }

  @Test
  void prodRefusesAMissingOrEmbeddedDatabase() {
    assertRefused(prod("Correct-Horse-7").withProperty("spring.datasource.url", ""), "no database is configured");
    assertRefused(prod("Correct-Horse-7").withProperty("spring.datasource.url", "jdbc:h2:file:./data/x"), "must point to MySQL");
  }

  @Test
  void anyProfileWithoutDemoDataRefusesTheDemoPassword() {
    assertRefused(environment("demo"), "public demo password");
  }

  private static void assertRefused(MockEnvironment environment, String message) {
    assertThatThrownBy(() -> new StartupSafetyCheck(environment).check())
        .isInstanceOf(UnsafeConfigurationException.class)
        .hasMessageContaining(message);
  }

  private static MockEnvironment prod(String password) {
    MockEnvironment environment = environment(password)
        .withProperty("spring.datasource.url", "jdbc:mysql://db:3306/opsflow");
    environment.setActiveProfiles("prod", "mysql");
    return environment;
  }

  private static MockEnvironment environment(String password) {
    return new MockEnvironment().withProperty("opsflow.admin.user", "admin").withProperty("opsflow.admin.password", password);
  }
}
