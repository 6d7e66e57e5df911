/**
 * Demo users, services, filters and an on-call schedule for the {@code default} profile. Offers nothing to other modules.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "catalog", "oncall", "security", "tasklist" })
package io.opsflow.demo;

import org.springframework.modulith.ApplicationModule;
