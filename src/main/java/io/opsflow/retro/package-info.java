/**
 * Post-launch retrospectives, their facts, findings and action items. Others use
 * {@link Retrospectives} and its records. Internal: {@code steps} (post-launch-retrospective's
 * delegates), {@code facts} (gathering facts from incidents, changes, plans and feedback), {@code web}
 * (API and reports), {@code persistence}, {@code visibility}.
 */
@ApplicationModule(displayName = "Retrospectives", allowedDependencies = {
    "catalog",
    "change",
    "emergency",
    "feedback",
    "incident",
    "lifecycle",
    "notify",
    "security",
    "tasklist",
    "kernel :: domain",
    "kernel :: keys",
    "kernel :: process",
    "kernel :: text",
    "kernel :: web"
})
package io.opsflow.retro;

import org.springframework.modulith.ApplicationModule;
