/**
 * Demo users, services, filters and an on-call schedule for the {@code default} profile, and 90 days of
 * history made through the real processes at the first start. Offers nothing to other modules.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "catalog", "change", "emergency", "incident",
    "incident :: intake", "feedback", "oncall", "security", "tasklist" })
package io.opsflow.demo;

import org.springframework.modulith.ApplicationModule;
