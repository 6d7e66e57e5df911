/**
 * Service lifecycle work around the catalog's lifecycle state: the usage facts (用户行为分析) that
 * launch reports and retrospectives read, the service-launch process (首发, {@code launch}: its
 * records, delegates and API) and service-retirement ({@code retirement}: its records, steps and API).
 * Others use {@link UsageFacts} and its records, and hear {@link LaunchRetrospectiveRequested};
 * {@code web}, {@code persistence}, {@code launch} and {@code retirement} are internal. The lifecycle
 * state itself belongs to the catalog ({@code ServiceLifecycle}).
 */
@ApplicationModule(displayName = "Service lifecycle", allowedDependencies = {
    "catalog", "change", "emergency", "feedback", "incident", "notify", "oncall", "security", "tasklist",
    "kernel :: domain", "kernel :: keys", "kernel :: process", "kernel :: text" })
package io.opsflow.lifecycle;

import org.springframework.modulith.ApplicationModule;
