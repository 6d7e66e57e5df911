package io.opsflow.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A service in the catalog.
 *
 * @param tier 1 = most critical, 3 = least
 * @param dependsOn keys of the services this one needs
 * @param dependents keys of the services that need this one
 */
public record Service(
    String key,
    String name,
    int tier,
    String devGroup,
    String onCallGroup,
    List<String> dependsOn,
    List<String> dependents,
    Instant createdAt,
    Instant updatedAt) {
}
