package io.opsflow.metrics.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The figures' SQL (MetricsMapper.xml): aggregates over other modules' tables, read only, each a range
 * on an indexed time column (V23; V31's indexes also hold the columns the overall figures read, so a
 * period is one range of one index). Rows come back per interval ({@code bucket}, numbered from
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

  /** Deployments reported in an interval: succeeded ones, all, failed ones (once each), rework. */
  record DeploymentCounts(long bucket, long succeeded, long deployments, long failed, long rework) {
  }

  /** A median and 90th percentile (nearest rank) of durations in seconds, over {@code measured} values. */
  record Percentiles(long bucket, long measured, Long median, Long p90) {
  }

  /** Incidents opened in an interval with one priority ("none" when unset) and source. */
  record IncidentCounts(long bucket, String priority, String source, long opened, long escalated, long ackHeld,
      long ackMissed, long resolveHeld, long resolveMissed) {
  }

  record Count(long bucket, long total, long part) {
  }

  /** A moment of a series at which action items are counted, and the last due day overdue at it. */
  record Moment(int bucket, Instant at, LocalDate lastOverdueDay) {
  }

  record Drill(String planKey, Instant startedAt, Instant endedAt) {
  }

  List<DeploymentCounts> deployments(@Param("s") Slice slice);

  List<Percentiles> leadTimes(@Param("s") Slice slice);

  List<Percentiles> recoveryTimes(@Param("s") Slice slice);

  List<IncidentCounts> incidents(@Param("s") Slice slice);

  List<Percentiles> acknowledgeTimes(@Param("s") Slice slice);

  List<Percentiles> resolveTimes(@Param("s") Slice slice);

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
