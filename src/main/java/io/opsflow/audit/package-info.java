/**
 * The audit trail: writes every {@code AuditEvent} in the transaction that published it and
 * answers {@code /api/audit} together with Camunda's user operation log. Offers nothing to other
 * modules.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {
    "security",
    "kernel :: audit",
    "kernel :: domain",
    "kernel :: process",
    "kernel :: text"
})
package io.opsflow.audit;

import org.springframework.modulith.ApplicationModule;
