/**
 * On call: who of a group is on call when (schedules that rotate daily or weekly, overrides that
 * win over the rotation), who is paged at each level of an escalation, and how to reach a person.
 * Other modules (incident, notify) read through {@link OnCall} and its records; the API and demo data
 * change things through {@link OnCallSettings}. {@code web} (API, iCalendar export) and
 * {@code persistence} (mapper) are internal. It knows nothing of incidents or channels, so both
 * may depend on it.
 */
@ApplicationModule(displayName = "On-call", allowedDependencies = {
    "security", "catalog", "kernel :: domain", "kernel :: web", "kernel :: audit", "kernel :: text" })
package io.opsflow.oncall;

import org.springframework.modulith.ApplicationModule;
