package io.opsflow.notify;

/**
 * One way of reaching people: the log now; mail and chat webhooks later. A channel that cannot
 * deliver throws, so the process step that notifies is retried and, in the end, shows up as an
 * incident in Cockpit instead of losing the message.
 */
public interface NotificationChannel {

  String name();

  void send(Notification notification);
}
