/**
 * Demo users, services and filters for the {@code default} profile. Offers nothing to other modules.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "catalog", "security", "tasklist" })
package io.opsflow.demo;

import org.springframework.modulith.ApplicationModule;
