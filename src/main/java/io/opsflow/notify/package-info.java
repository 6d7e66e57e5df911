/**
 * Outbound notifications. Modules publish a {@link Notice} ({@link NoticeEvent}) with
 * {@link Notifications#publish}: notification rules pick the channels, the outbox keeps one message
 * per (notice, channel, recipient) in the caller's transaction, and delivery sends it afterwards
 * with retries, back-off and per-channel rate limits. {@link Notifier} still sends a
 * {@link Notification} through every {@link NotificationChannel} bean (the log) until its callers move
 * to notices. Internal: {@code channels} (the vendor clients' contract and clients), {@code outbox}
 * (channels, rules, sealed secrets, templates, the outbox and its delivery), {@code web} (the API).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {
    "catalog",
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
