package io.opsflow.kernel.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * OpsFlow's clock follows the process engine's clock, so timestamps written by OpsFlow and by
 * Camunda agree, and tests that move the engine's clock move ours too.
 */
public class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
