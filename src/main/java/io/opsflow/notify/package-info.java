/**
 * Outbound notifications: {@link Notifier} sends a {@link Notification} through every
 * {@link NotificationChannel} bean. Channels live in {@code channels}.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "kernel :: text", "kernel :: webhook" })
package io.opsflow.notify;

import org.springframework.modulith.ApplicationModule;
