package io.opsflow.notify;

import java.util.List;

import org.springframework.stereotype.Component;

/** Sends a notification through every configured channel and says which ones took it. */
@Component
public class Notifier {

  private final List<NotificationChannel> channels;

  Notifier(List<NotificationChannel> channels) {
    this.channels = channels;
  }

  public List<String> send(Notification notification) {
    channels.forEach(channel -> channel.send(notification));
    return channels.stream().map(NotificationChannel::name).toList();
  }
}
