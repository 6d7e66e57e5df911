package io.opsflow.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A service in the catalog.
 *
 * @param tier 1 = most critical, 3 = least
 * @param dependsOn keys of the services this one needs
 * @param dependents keys of the services that need this one
 * @param lifecycle its state, with the history when one service is read (not in a list)
 */
public record Service(
    String key,
    String name,
    int tier,
    String devGroup,
    String onCallGroup,
    List<String> dependsOn,
    List<String> dependents,
    Lifecycle lifecycle,
    Instant createdAt,
    Instant updatedAt) {
}
