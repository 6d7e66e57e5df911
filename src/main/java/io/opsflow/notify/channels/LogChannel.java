package io.opsflow.notify.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.opsflow.notify.Notification;
import io.opsflow.notify.NotificationChannel;

/** Writes notifications to the application log (logger {@code opsflow.notify}). */
@Component
class LogChannel implements NotificationChannel {

  private static final Logger log = LoggerFactory.getLogger("opsflow.notify");

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void send(Notification notification) {
    log.info("[{}] to {}: {} | {}", notification.reference(), notification.groups(), notification.subject(),
        notification.body().replace('\n', ' '));
  }
}
