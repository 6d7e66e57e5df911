package io.opsflow.notify;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.notify.outbox.Outbox;

/**
 * How modules tell people about something: {@link #publish} writes the notice into the outbox, in
 * the caller's transaction, for every channel a notification rule sends it to. Delivery happens
 * afterwards, with retries; the caller never waits for a vendor.
 */
@Component
public class Notifications {

  private final Outbox outbox;

  Notifications(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Enqueues the notice for every matching rule's channels. Joins the caller's transaction (a
   * delegate's, a service's), so the message exists exactly when the event that caused it is
   * committed; without one it runs in its own. Publishing a notice id again enqueues nothing for the
   * channels that already have it (see {@link Notice} for how to build the id).
   *
   * @return the ids of the outbox rows written now (empty when no rule matches or all were there)
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public List<Long> publish(Notice notice) {
    return outbox.enqueue(notice);
  }
}
