package io.opsflow.catalog;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.persistence.ServiceMapper;
import io.opsflow.kernel.audit.AuditEvent;
import io.opsflow.kernel.domain.Refusal;

/**
 * Moves a service along its lifecycle ({@link LifecycleState#ARROWS}), one arrow at a time: what the
 * launch and retirement processes call, and what an administrator's move by hand goes through. A
 * move names the state it starts from and happens only if the service is still in it, so of two
 * concurrent moves (two launches of one service) exactly one succeeds and the other is refused.
 */
@Component
public class ServiceLifecycle {

  private final ServiceMapper mapper;
  private final ServiceCatalog catalog;
  private final ApplicationEventPublisher events;

  ServiceLifecycle(ServiceMapper mapper, ServiceCatalog catalog, ApplicationEventPublisher events) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.events = events;
  }

  /** The state now of the service with exactly this key, if the catalog has it (one row read, no history). */
  public Optional<LifecycleState> find(String serviceKey) {
    ServiceMapper.Row row = serviceKey == null ? null : mapper.find(serviceKey);
    return Optional.ofNullable(row).filter(found -> found.serviceKey().equals(serviceKey))
        .map(ServiceMapper.Row::lifecycle);
  }

  /** The service's state now; an unknown service is {@link Refusal#notFound not found}. */
  public LifecycleState stateOf(String serviceKey) {
    return find(serviceKey).orElseThrow(() -> Refusal.notFound("No service '" + serviceKey + "' in the catalog."));
  }

  /**
   * Moves the service from {@code from} to {@code to}.
   *
   * @param actor who moves it (the person, or the user a process step runs for)
   * @param process the process instance that moves it; null for a move by hand
   * @param reason why, at most 1000 characters; may be null
   * @throws Refusal conflict when {@code to} is not the next state after {@code from}, or the service is no
   *     longer (or not yet) in {@code from}; not found for an unknown service
   */
  @Transactional
  public LifecycleTransition move(String serviceKey, LifecycleState from, LifecycleState to, String actor,
      ProcessRef process, String reason) {
    stateOf(serviceKey);
    if (!from.mayMoveTo(to)) {
      throw Refusal.conflict("A service cannot move from " + from + " to " + to + "; it moves one step at a time: "
          + LifecycleState.ARROWS + ".");
    }
    if (reason != null && reason.length() > 1000) {
      throw Refusal.invalid("reason must be at most 1000 characters.");
    }
    LifecycleTransition transition = new LifecycleTransition(from, to, actor == null ? "opsflow" : actor, process,
        reason, catalog.now());
    if (mapper.moveLifecycle(serviceKey, from, to, transition.at()) == 0) {
      throw Refusal.conflict("Service '" + serviceKey + "' is " + stateOf(serviceKey) + ", not " + from
          + "; it cannot move to " + to + " now.");
    }
    mapper.insertTransition(new ServiceMapper.TransitionRow(serviceKey, from, to, transition.actor(),
        process == null ? null : process.processInstanceId(), process == null ? null : process.businessKey(),
        reason, transition.at()));
    events.publishEvent(AuditEvent.of("service.lifecycle-moved", serviceKey).by(transition.actor())
        .details(from + " → " + to + (reason == null ? "" : ": " + reason))
        .change(from, to));
    return transition;
  }

  /**
   * An administrator's move by hand, from the state the service is in now to the next one.
   *
   * @param reason required: the history says why a person moved it
   */
  @Transactional
  public Lifecycle moveByHand(String serviceKey, LifecycleState to, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalid("reason must not be blank: say why the service is moved by hand.");
    }
    move(serviceKey, stateOf(serviceKey), to, actor, null, reason.strip());
    return catalog.get(serviceKey).lifecycle();
  }
}
