package io.opsflow.metrics.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The figures' SQL (MetricsMapper.xml): aggregates over other modules' tables and the links recorded
 * with the facts (V34), read only, each a range of an index that holds what it reads (V31, V35), by
 * time for everything and by service for some services. Rows come back per interval ({@code bucket}, numbered from
 * {@link Slice#start()}), or as one row (bucket 0) when the slice has no interval.
 */
@Mapper
public interface MetricsMapper {

  /**
   * What to read: [from, to), numbered in intervals of {@code interval} ("day", "week", "month" or
   * null for one total) from {@code start}; only these services (null: all); restricted incidents or not.
   *
   * @param seconds the length of a day or week interval
   */
  record Slice(Instant from, Instant to, Instant start, String interval, long seconds, List<String> services,
      boolean withRestricted, Instant now) {
  }

  /**
   * Deployments reported in an interval: succeeded ones, all, failed ones (once each), rework; the
   * lead and recovery times of the interval, and of the whole period ({@code all…}: the same on every
   * row, the median and p90 on one row only).
   */
  record DeliveryRow(long bucket, long succeeded, long deployments, long failed, long rework, long leadMeasured,
      Long leadMedian, Long leadP90, long allLeadMeasured, Long allLeadMedian, Long allLeadP90, long recoveryMeasured,
      Long recoveryMedian, Long recoveryP90, long allRecoveryMeasured, Long allRecoveryMedian, Long allRecoveryP90) {

    public Percentiles lead() {
      return new Percentiles(bucket, leadMeasured, leadMedian, leadP90);
    }

    public Percentiles allLead() {
      return new Percentiles(0, allLeadMeasured, allLeadMedian, allLeadP90);
    }

    public Percentiles recovery() {
      return new Percentiles(bucket, recoveryMeasured, recoveryMedian, recoveryP90);
    }

    public Percentiles allRecovery() {
      return new Percentiles(0, allRecoveryMeasured, allRecoveryMedian, allRecoveryP90);
    }
  }

  /** A median and 90th percentile (nearest rank) of durations in seconds, over {@code measured} values. */
  record Percentiles(long bucket, long measured, Long median, Long p90) {
  }

  /**
   * Incidents opened in an interval with one priority ("none" when unset) and source; the times to
   * acknowledge and resolve of the interval and of the whole period ({@code all…}), whose median and
   * p90 are on one row of the interval (of the period) only, NULL on the others.
   */
  record IncidentCounts(long bucket, String priority, String source, long opened, long escalated, long ackHeld,
      long ackMissed, long resolveHeld, long resolveMissed, long ackMeasured, Long ackMedian, Long ackP90,
      long allAckMeasured, Long allAckMedian, Long allAckP90, long resolveMeasured, Long resolveMedian,
      Long resolveP90, long allResolveMeasured, Long allResolveMedian, Long allResolveP90) {

    public Percentiles ack() {
      return new Percentiles(bucket, ackMeasured, ackMedian, ackP90);
    }

    public Percentiles allAck() {
      return new Percentiles(0, allAckMeasured, allAckMedian, allAckP90);
    }

    public Percentiles resolve() {
      return new Percentiles(bucket, resolveMeasured, resolveMedian, resolveP90);
    }

    public Percentiles allResolve() {
      return new Percentiles(0, allResolveMeasured, allResolveMedian, allResolveP90);
    }
  }

  record Count(long bucket, long total, long part) {
  }

  /** A moment of a series at which action items are counted, and the last due day overdue at it. */
  record Moment(int bucket, Instant at, LocalDate lastOverdueDay) {
  }

  record Drill(String planKey, Instant startedAt, Instant endedAt) {
  }

  /** Every delivery figure, one row an interval with deployments, from one read of the deployments. */
  List<DeliveryRow> delivery(@Param("s") Slice slice);

  /** Every incident figure, one row an interval, priority and source, from one range of one index. */
  List<IncidentCounts> incidents(@Param("s") Slice slice);

  /** Action items due on [firstDue, lastDue]: total, and closed (verified) by the end of their due day. */
  List<Count> itemsDue(@Param("s") Slice slice, @Param("firstDue") LocalDate firstDue,
      @Param("lastDue") LocalDate lastDue);

  /** Action items overdue at each moment (part; total is 0); the moments in time order, at least one. */
  List<Count> itemsOverdue(@Param("s") Slice slice, @Param("moments") List<Moment> moments);

  /** Retrospectives closed (total; part is 0). */
  List<Count> retrospectivesClosed(@Param("s") Slice slice);

  /** Finished drills of these plans that started in [since, until). */
  List<Drill> drills(@Param("planKeys") Collection<String> planKeys, @Param("since") Instant since,
      @Param("until") Instant until);
}
