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

  /** Deployments reported in an interval: succeeded ones, all, failed ones (once each), rework. */
  record DeliveryCounts(long bucket, long succeeded, long deployments, long failed, long rework) {
  }

  /** A deployment's interval, lead time and recovery time in seconds (null: not measured). */
  record DeploymentTimes(long bucket, Long leadSeconds, Long recoverySeconds) {
  }

  /** Incidents opened in an interval with one priority ("none" when unset) and source. */
  record IncidentCounts(long bucket, String priority, String source, long opened, long escalated, long ackHeld,
      long ackMissed, long resolveHeld, long resolveMissed) {
  }

  /** An incident's interval, time to acknowledge and time to resolve in seconds (null: not yet). */
  record IncidentTimes(long bucket, Long ackSeconds, Long resolveSeconds) {
  }

  record Count(long bucket, long total, long part) {
  }

  /** An action item not verified by some moment: its due day, when it was created and verified (or null). */
  record OpenItem(LocalDate dueDate, Instant createdAt, Instant verifiedAt) {
  }

  record Drill(String planKey, Instant startedAt, Instant endedAt) {
  }

  /** The delivery counts, one row an interval with deployments. */
  List<DeliveryCounts> delivery(@Param("s") Slice slice);

  /** The deployments of the slice that have a lead or a recovery time, in no order. */
  List<DeploymentTimes> deploymentTimes(@Param("s") Slice slice);

  /** The incident counts, one row an interval, priority and source, from one range of one index. */
  List<IncidentCounts> incidents(@Param("s") Slice slice);

  /** The incidents of the slice acknowledged or resolved, in no order: the same range of the same index. */
  List<IncidentTimes> incidentTimes(@Param("s") Slice slice);

  /** Action items due on [firstDue, lastDue]: total, and closed (verified) by the end of their due day. */
  List<Count> itemsDue(@Param("s") Slice slice, @Param("firstDue") LocalDate firstDue,
      @Param("lastDue") LocalDate lastDue);

  /** Action items not verified by {@code since}, created by {@code until} and due by {@code lastDue}, in no order. */
  List<OpenItem> openItems(@Param("s") Slice slice, @Param("since") Instant since, @Param("until") Instant until,
      @Param("lastDue") LocalDate lastDue);

  /** Retrospectives closed (total; part is 0). */
  List<Count> retrospectivesClosed(@Param("s") Slice slice);

  /** Finished drills of these plans that started in [since, until). */
  List<Drill> drills(@Param("planKeys") Collection<String> planKeys, @Param("since") Instant since,
      @Param("until") Instant until);
}
