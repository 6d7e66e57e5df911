/**
 * Emergency plans and drills. Others use {@link EmergencyPlans} and its records. Internal:
 * {@code steps} (plan actions, the step listener, activation), {@code web}, {@code persistence},
 * {@code visibility}.
 */
@ApplicationModule(displayName = "Emergency plans", allowedDependencies = {
    "catalog",
    "incident",
    "notify",
    "security",
    "tasklist",
    "kernel :: audit",
    "kernel :: domain",
    "kernel :: keys",
    "kernel :: process",
    "kernel :: text",
    "kernel :: web",
    "kernel :: webhook"
})
package io.opsflow.emergency;

import org.springframework.modulith.ApplicationModule;
