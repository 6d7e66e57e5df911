/**
 * Who is who and who may do what: groups, the {@code /api} access rules each module contributes
 * ({@link ApiAccessRules}), process participants, restricted items ({@link Visibility},
 * {@link RestrictedSubjects}), service accounts. Internal: {@code web} (filter chains, start-up
 * safety checks), {@code signin} (sign-in and its throttle), {@code camunda} (single sign-on into
 * Camunda, its identity provider, authorizations, REST guards), {@code tasks} (who may claim and
 * complete a task), {@code accounts} (service account API and bearer tokens).
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {
    "kernel :: audit",
    "kernel :: domain",
    "kernel :: engine",
    "kernel :: process",
    "kernel :: text",
    "kernel :: web"
})
package io.opsflow.security;

import org.springframework.modulith.ApplicationModule;
