/**
 * Incidents and the incident-response process. Others use {@link Incidents} and its records, and
 * listen to its events ({@link IncidentOpened}, {@link IncidentRestrictionChanged}). Internal:
 * {@code intake} (Alertmanager and alert deduplication), {@code steps} (the delegates and listeners
 * of incident-response, its variable names), {@code web}, {@code persistence}, {@code visibility}
 * (restricted incidents).
 */
@ApplicationModule(displayName = "Incidents", allowedDependencies = {
    "catalog",
    "notify",
    "oncall",
    "security",
    "tasklist",
    "kernel :: audit",
    "kernel :: domain",
    "kernel :: keys",
    "kernel :: process",
    "kernel :: text",
    "kernel :: web"
})
package io.opsflow.incident;

import org.springframework.modulith.ApplicationModule;
