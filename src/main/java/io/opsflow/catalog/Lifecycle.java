package io.opsflow.catalog;

import java.util.List;

/**
 * A service's lifecycle as {@code GET /api/services/{key}} shows it: the state and every step that
 * led there, oldest first.
 */
public record Lifecycle(LifecycleState state, List<LifecycleTransition> history) {
}
