package io.opsflow.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;

import io.opsflow.notify.Notification;
import io.opsflow.notify.NotificationChannel;

/** A notification channel that remembers what it was asked to send, for assertions. */
@TestComponent
public class RecordingChannel implements NotificationChannel {

  private final List<Notification> sent = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "test";
  }

  @Override
  public void send(Notification notification) {
    sent.add(notification);
  }

  public List<Notification> about(String reference) {
    return sent.stream().filter(notification -> reference.equals(notification.reference())).toList();
  }
}
