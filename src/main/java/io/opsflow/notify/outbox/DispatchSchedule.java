package io.opsflow.notify.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Dispatcher} every second on every node ({@code opsflow.notify.delivery.enabled},
 * default true). Independent of Camunda's job executor: a node that executes no jobs may still
 * deliver, and tests switch this off and run the dispatcher themselves.
 */
@Component
@ConditionalOnProperty(name = "opsflow.notify.delivery.enabled", havingValue = "true", matchIfMissing = true)
class DispatchSchedule {

  private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

  private final Dispatcher dispatcher;

  DispatchSchedule(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT10S")
  void deliver() {
    try {
      dispatcher.runOnce();
    } catch (RuntimeException e) {
      // the database may be away for a moment: the next run tries again, leases protect the rows
      log.warn("Delivering notifications failed; trying again in a second: {}", e.toString());
    }
  }
}
