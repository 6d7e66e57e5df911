package io.opsflow.incident;

/**
 * How many incidents not closed yet share a priority and a service.
 *
 * @param priority null while the incident-priority decision has not run yet
 * @param serviceKey null for incidents on a service that is not in the catalog
 * @param restricted whether these are restricted incidents (counted apart from the others)
 */
public record OpenIncidents(Priority priority, String serviceKey, boolean restricted, long incidents) {
}
