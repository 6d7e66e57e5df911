package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.opsflow.support.H2Database;

/**
 * An installation whose database a released version migrated takes every later migration: a new
 * migration must be numbered after every released one (Flyway refuses a pending migration below
 * the applied ones: "Detected resolved migration not applied to database").
 */
class MigrationUpgradeTest {

  /** The migrations of the last release; add the new ones here when a release ships. */
  private static final List<String> RELEASED = List.of("1", "2", "3", "4", "5", "6", "9");
  private static final String LAST_RELEASED = "9";

  @Test
  void everyMigrationUpToTheLastReleaseWasReleasedAndADatabaseOfThatReleaseTakesTheRest() {
    JdbcDataSource database = H2Database.fresh("upgrade");
    Flyway released = H2Database.flyway(database)
        .target(LAST_RELEASED).load();
    List<String> upToTheRelease = Arrays.stream(released.info().all())
        .map(MigrationInfo::getVersion).filter(version -> version.getMajor().intValue() <= Integer.parseInt(LAST_RELEASED))
        .map(Object::toString).toList();
    assertThat(upToTheRelease).as("migrations numbered at or below the last release").isEqualTo(RELEASED);
    released.migrate();

    MigrateResult upgrade = H2Database.flyway(database).load().migrate();

    assertThat(upgrade.success).isTrue();
    assertThat(upgrade.migrations).isNotEmpty();
  }
}
