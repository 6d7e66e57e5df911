package io.opsflow.catalog;

import java.util.Optional;

import io.opsflow.kernel.domain.Coded;

/**
 * Where a service is in its life: {@code planned → launching → live → deprecated → retired}. A
 * service moves one arrow at a time and never back: a failed launch leaves it {@code planned} (it
 * becomes {@code launching} only once its launch change has succeeded), and a retirement once
 * announced ({@code deprecated}) ends in {@code retired}.
 */
public enum LifecycleState implements Coded {
  PLANNED("planned"),
  LAUNCHING("launching"),
  LIVE("live"),
  DEPRECATED("deprecated"),
  RETIRED("retired");

  /** The arrows, for messages. */
  public static final String ARROWS = "planned → launching → live → deprecated → retired";

  private final String code;

  LifecycleState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The one state this one may move to; none after {@code retired}. */
  public Optional<LifecycleState> next() {
    return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
  }

  public boolean mayMoveTo(LifecycleState to) {
    return next().filter(to::equals).isPresent();
  }

  /** The states a service may be registered in: new ({@code planned}) or already running ({@code live}). */
  public boolean registrable() {
    return this == PLANNED || this == LIVE;
  }

  @Override
  public String toString() {
    return code;
  }
}
