/**
 * Changes and the change-release process. Others use {@link Changes} and its records. Internal:
 * {@code steps} (delegates and listeners of change-release, approval routes, deploy hooks,
 * variable names), {@code web} (change and freeze-window API), {@code persistence}.
 */
@ApplicationModule(displayName = "Changes", allowedDependencies = {
    "catalog",
    "feedback",
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
package io.opsflow.change;

import org.springframework.modulith.ApplicationModule;
