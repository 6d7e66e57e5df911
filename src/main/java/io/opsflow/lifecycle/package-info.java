/**
 * Service lifecycle work around the catalog's lifecycle state: the usage facts (用户行为分析) that
 * launch reports and retrospectives read, and service-retirement ({@code retirement}: its records,
 * steps and API). Others use {@link UsageFacts} and its records; {@code web} (API), {@code persistence}
 * (mapper) and {@code retirement} are internal. The lifecycle state itself belongs to the catalog
 * ({@code ServiceLifecycle}).
 */
@ApplicationModule(displayName = "Service lifecycle", allowedDependencies = {
    "catalog", "change", "incident", "notify", "security", "tasklist", "kernel :: domain", "kernel :: keys",
    "kernel :: process" })
package io.opsflow.lifecycle;

import org.springframework.modulith.ApplicationModule;
