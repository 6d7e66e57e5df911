package io.opsflow.demo;

import java.time.Instant;

import org.joda.time.DateTimeUtils;

/**
 * The engine clock (Camunda's {@code ClockUtil}, which OpsFlow's {@code EngineClock} follows) moved for
 * one thread only: the thread that writes the demo history lives in the past, while people using
 * Tasklist and the job executor's threads keep the real time. {@code ClockUtil.setCurrentTime} would
 * move it for every thread, and stamp whatever people do meanwhile with a date months ago.
 */
final class HistoryClock implements AutoCloseable {

  private static final ThreadLocal<Long> MOVED = new ThreadLocal<>();

  private HistoryClock() {
  }

  /** Moves this thread's engine clock from now on (until {@link #close()}); other threads are not moved. */
  static HistoryClock install() {
    DateTimeUtils.setCurrentMillisProvider(() -> {
      Long moved = MOVED.get();
      return moved != null ? moved : System.currentTimeMillis();
    });
    return new HistoryClock();
  }

  void set(Instant at) {
    MOVED.set(at.toEpochMilli());
  }

  @Override
  public void close() {
    MOVED.remove();
    DateTimeUtils.setCurrentMillisSystem();
  }
}
