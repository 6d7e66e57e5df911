/**
 * {@link AuditEvent}: published by every module that changes something worth auditing, written
 * by the {@code audit} module in the same transaction.
 */
@NamedInterface("audit")
package io.opsflow.kernel.audit;

import org.springframework.modulith.NamedInterface;
