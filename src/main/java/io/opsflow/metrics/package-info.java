/**
 * Operations figures: DORA delivery figures, incident figures (MTTA, MTTR, SLA attainment) and
 * practice figures (drills, action items, retrospectives), per service, team and period. Others
 * (the Prometheus export, the dashboard) use {@link Figures}; every definition lives there and in
 * {@link Band}, and the README's "Operations figures" says the same in words. Internal:
 * {@code persistence} (the SQL that aggregates other modules' tables, read-only), {@code web} (the
 * {@code /api/metrics} API, JSON and CSV), {@code prometheus} (the Micrometer series at
 * {@code /actuator/prometheus}, counted from incident and change events after they commit). The
 * figures' own record, {@code deployment_incident} (which incidents opened in a deployment's
 * verification window), is written from those events inside their transactions
 * ({@link DeploymentIncidents}).
 */
@ApplicationModule(displayName = "Operations figures", allowedDependencies = {
    "catalog",
    "change",
    "emergency",
    "incident",
    "security",
    "kernel :: domain",
    "kernel :: text",
    "kernel :: web"
})
package io.opsflow.metrics;

import org.springframework.modulith.ApplicationModule;
