package io.opsflow.metrics;

import java.util.List;
import java.util.Set;

/**
 * Whose figures: the services they cover (null: all, including incidents that name no catalog
 * service), the groups whose emergency plans count (null: all plans) and whether restricted
 * incidents count (only for readers of restricted items).
 */
public record Scope(List<String> services, Set<String> planOwners, boolean withRestricted) {

  public Scope {
    services = services == null ? null : List.copyOf(services);
    planOwners = planOwners == null ? null : Set.copyOf(planOwners);
  }

  /** Everything, as a manager or Prometheus sees it. */
  public static Scope all() {
    return new Scope(null, null, true);
  }
}
