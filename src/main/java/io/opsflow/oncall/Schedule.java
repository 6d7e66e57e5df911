package io.opsflow.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An on-call schedule: its members take turns in their order, one {@code rotation} each, handing over
 * at {@code handoffTime} (local time of {@code timeZone}) from {@code start} on.
 *
 * @param group the Camunda group whose people are on call
 * @param rotation {@code daily} or {@code weekly}
 * @param handoffTime {@code HH:mm}
 * @param timeZone an IANA zone ({@code Asia/Shanghai}); handoffs follow its daylight-saving changes
 */
public record Schedule(String id, String name, String group, List<String> members, String rotation,
    String handoffTime, String timeZone, LocalDate start, Instant createdAt, Instant updatedAt) {

  /** The first handoff: nobody of the rotation is on call before it. */
  @JsonIgnore
  public Instant firstHandoff() {
    return ZonedDateTime.of(start, LocalTime.parse(handoffTime), ZoneId.of(timeZone)).toInstant();
  }
}
