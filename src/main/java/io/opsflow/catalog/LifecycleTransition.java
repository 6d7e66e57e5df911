package io.opsflow.catalog;

import java.time.Instant;

/**
 * One step of a service's lifecycle.
 *
 * @param from null for the state the service was registered in
 * @param actor who moved it: a person, or the user a process step ran for ({@code opsflow} when none)
 * @param process the process that moved it; null for a registration or a move by hand
 * @param reason why, as the mover said it; may be null for a process step
 */
public record LifecycleTransition(LifecycleState from, LifecycleState to, String actor, ProcessRef process,
    String reason, Instant at) {
}
