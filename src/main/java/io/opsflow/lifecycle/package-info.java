/**
 * Service lifecycle work around the catalog's lifecycle state: for now the usage facts
 * (用户行为分析) that launch reports and retrospectives read. Others use {@link UsageFacts} and its
 * records; {@code web} (API) and {@code persistence} (mapper) are internal. The lifecycle state
 * itself belongs to the catalog ({@code ServiceLifecycle}).
 */
@ApplicationModule(displayName = "Service lifecycle", allowedDependencies = {
    "catalog", "change", "security", "kernel :: domain" })
package io.opsflow.lifecycle;

import org.springframework.modulith.ApplicationModule;
