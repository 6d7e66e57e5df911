/**
 * Outbound notifications. Modules publish a {@link Notice} ({@link NoticeEvent}) with
 * {@link Notifications#publish}: notification rules pick the channels, the outbox keeps one message
 * per (notice, channel, recipient) in the caller's transaction, and delivery sends it afterwards
 * with retries, back-off and per-channel rate limits; the people a notice mentions are reached by their
 * {@code oncall} contacts. Every notice is also handed as a {@link Notification} to the
 * {@link NotificationChannel} beans (the log). Internal: {@code channels} (the vendor clients' contract and clients), {@code outbox}
 * (channels, rules, sealed secrets, templates, the outbox and its delivery), {@code web} (the API).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {
    "catalog",
    "oncall",
    "security",
    "kernel :: audit",
    "kernel :: domain",
    "kernel :: engine",
    "kernel :: text",
    "kernel :: web",
    "kernel :: webhook"
})
package io.opsflow.notify;

import org.springframework.modulith.ApplicationModule;
