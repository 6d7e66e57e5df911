package io.opsflow.notify;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.kernel.text.Installation;
import io.opsflow.notify.outbox.Outbox;
import io.opsflow.notify.outbox.Templates;

/**
 * How modules tell people about something: {@link #publish} writes the notice into the outbox, in
 * the caller's transaction, for every channel a notification rule sends it to. Delivery happens
 * afterwards, with retries; the caller never waits for a vendor.
 */
@Component
public class Notifications {

  private final Outbox outbox;
  private final Templates templates;
  private final List<NotificationChannel> channels;
  private final Installation installation;

  Notifications(Outbox outbox, Templates templates, List<NotificationChannel> channels, Installation installation) {
    this.outbox = outbox;
    this.templates = templates;
    this.channels = channels;
    this.installation = installation;
  }

  /**
   * Enqueues the notice for every matching rule's channels. Joins the caller's transaction (a
   * delegate's, a service's), so the message exists exactly when the event that caused it is
   * committed; without one it runs in its own. Publishing a notice id again enqueues nothing for the
   * channels that already have it (see {@link Notice} for how to build the id).
   *
   * <p>Every notice is also handed, in the installation's language, to the {@link NotificationChannel}
   * beans (the log), so the server log says what happened even where no channel or rule is configured
   * yet. A channel bean
   * that throws fails the caller (a process step is then retried by the engine).
   *
   * @return the ids of the outbox rows written now (empty when no rule matches or all were there)
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public List<Long> publish(Notice notice) {
    List<Long> written = outbox.enqueue(notice);
    Templates.Rendered text = templates.render(notice, installation.language());
    String body = text.link() == null ? text.text() : text.text() + "\n" + text.link();
    Notification logged = new Notification(notice.reference(), notice.groups(), text.title(), body);
    channels.forEach(channel -> channel.send(logged));
    return written;
  }
}
