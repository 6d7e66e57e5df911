/**
 * The service catalog: services, tiers, on-call groups, dependencies. Other modules use
 * {@link ServiceCatalog} and its records; {@code web} (API) and {@code persistence} (mapper) are internal.
 */
@ApplicationModule(displayName = "Service catalog", allowedDependencies = { "security", "kernel :: audit", "kernel :: domain" })
package io.opsflow.catalog;

import org.springframework.modulith.ApplicationModule;
