package io.opsflow.incident.persistence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentAlert;
import io.opsflow.incident.IncidentCategory;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.IncidentState;
import io.opsflow.incident.Level;
import io.opsflow.incident.OpenIncidents;
import io.opsflow.incident.Priority;
import io.opsflow.incident.TimelineEntry;

@Mapper
public interface IncidentMapper {

  /**
   * What recording a new incident writes; everything else (priority, SLAs, the times of its life)
   * comes later, so it is not a half-empty {@link Incident}.
   *
   * @param reportedService what the reporter named when it is not a catalog service, else null
   * @param category null when the report named none
   */
  record NewIncident(String incidentKey, String title, String description, String serviceKey, String reportedService,
      String onCallGroup, Level impact, Level urgency, IncidentSource source, String reportedBy, IncidentState state,
      Instant openedAt, IncidentCategory category, boolean restricted) {

    public boolean unknownService() {
      return serviceKey == null;
    }
  }

  @Insert("""
      INSERT INTO incident (incident_key, title, description, service_key, reported_service, unknown_service,
        on_call_group, impact, urgency, source, reported_by, state, major, opened_at,
        ack_sla_breached, resolve_sla_breached, retrospective_due, category, restricted)
      VALUES (#{incidentKey}, #{title}, #{description}, #{serviceKey}, #{reportedService}, #{unknownService},
        #{onCallGroup}, #{impact}, #{urgency}, #{source}, #{reportedBy}, #{state}, FALSE, #{openedAt},
        FALSE, FALSE, FALSE, #{category}, #{restricted})""")
  void insert(NewIncident incident);

  @Select("SELECT * FROM incident WHERE incident_key = #{key}")
  Incident find(String key);

  /** Serializes changes to one incident (alert intake and process steps may meet). */
  @Select("SELECT * FROM incident WHERE incident_key = #{key} FOR UPDATE")
  Incident lock(String key);

  @Select("""
      <script>
      SELECT * FROM incident
      <where>
        <if test="state != null and state.code() == 'open'">state &lt;&gt; 'closed'</if>
        <if test="state != null and state.code() == 'closed'">state = 'closed'</if>
        <if test="service != null">AND service_key = #{service}</if>
        <if test="!withRestricted">AND restricted = FALSE</if>
      </where>
      ORDER BY opened_at DESC, incident_key DESC
      LIMIT #{limit}
      </script>""")
  /** @param state {@code OPEN} lists every incident not closed yet, {@code CLOSED} the closed ones, null all */
  List<Incident> list(@Param("state") IncidentState state, @Param("service") String service, @Param("limit") int limit,
      @Param("withRestricted") boolean withRestricted);

  @Select("""
      <script>
      SELECT incident_key FROM incident WHERE restricted = TRUE AND incident_key IN
      <foreach item="k" collection="keys" open="(" separator="," close=")">#{k}</foreach>
      </script>""")
  List<String> restrictedAmong(@Param("keys") java.util.Collection<String> keys);

  @Update("UPDATE incident SET category = #{category}, restricted = #{restricted} WHERE incident_key = #{key}")
  void classify(@Param("key") String key, @Param("category") IncidentCategory category, @Param("restricted") boolean restricted);

  /** Triaged before the category was stored with the incident (it was only a process variable then). */
  @Select("SELECT incident_key FROM incident WHERE category IS NULL AND diagnosis_group IS NOT NULL")
  List<String> triagedWithoutCategory();

  @Select("""
      SELECT * FROM incident WHERE service_key = #{service} AND opened_at >= #{from} AND opened_at < #{to}
      ORDER BY opened_at, incident_key LIMIT #{limit}""")
  List<Incident> onServiceBetween(@Param("service") String service, @Param("from") Instant from, @Param("to") Instant to,
      @Param("limit") int limit);

  @Update("""
      UPDATE incident SET priority = #{priority}, ack_sla_minutes = #{ackSlaMinutes},
        resolve_sla_minutes = #{resolveSlaMinutes}, ack_due_at = #{ackDueAt}, resolve_due_at = #{resolveDueAt}
      WHERE incident_key = #{key}""")
  void updatePriority(@Param("key") String key, @Param("priority") Priority priority,
      @Param("ackSlaMinutes") int ackSlaMinutes, @Param("resolveSlaMinutes") int resolveSlaMinutes,
      @Param("ackDueAt") Instant ackDueAt, @Param("resolveDueAt") Instant resolveDueAt);

  @Update("""
      UPDATE incident SET state = #{state}, acknowledged_at = #{at}, acknowledged_by = #{by},
        diagnosis_group = #{diagnosisGroup}, major = #{major}
      WHERE incident_key = #{key}""")
  void acknowledge(@Param("key") String key, @Param("state") IncidentState state, @Param("at") Instant at,
      @Param("by") String by, @Param("diagnosisGroup") String diagnosisGroup, @Param("major") boolean major);

  @Update("""
      UPDATE incident SET state = #{state}, resolved_at = #{at}, resolved_by = #{by}, resolution_summary = #{summary}
      WHERE incident_key = #{key}""")
  void resolve(@Param("key") String key, @Param("state") IncidentState state, @Param("at") Instant at,
      @Param("by") String by, @Param("summary") String summary);

  @Update("UPDATE incident SET state = #{state} WHERE incident_key = #{key}")
  void setState(@Param("key") String key, @Param("state") IncidentState state);

  @Update("UPDATE incident SET ack_sla_breached = TRUE WHERE incident_key = #{key}")
  void markAckSlaBreached(String key);

  @Update("UPDATE incident SET resolve_sla_breached = TRUE WHERE incident_key = #{key}")
  void markResolveSlaBreached(String key);

  /** Every incident not closed, counted (ix_incident_state covers the range on state). */
  @Select("""
      SELECT priority, service_key, restricted, COUNT(*) AS incidents FROM incident
      WHERE state IN ('open', 'acknowledged', 'resolved')
      GROUP BY priority, service_key, restricted""")
  List<OpenIncidents> openCounts();

  @Update("""
      UPDATE incident SET state = 'closed', closed_at = #{closedAt}, seconds_to_acknowledge = #{toAcknowledge},
        seconds_to_resolve = #{toResolve}, ack_sla_breached = #{ackBreached}, resolve_sla_breached = #{resolveBreached}
      WHERE incident_key = #{key}""")
  void close(@Param("key") String key, @Param("closedAt") Instant closedAt, @Param("toAcknowledge") long toAcknowledge,
      @Param("toResolve") long toResolve, @Param("ackBreached") boolean ackBreached,
      @Param("resolveBreached") boolean resolveBreached);

  @Update("UPDATE incident SET major = TRUE WHERE incident_key = #{key}")
  void markMajor(String key);

  @Update("UPDATE incident SET escalated = TRUE WHERE incident_key = #{key}")
  void markEscalated(String key);

  @Update("UPDATE incident SET retrospective_due = TRUE WHERE incident_key = #{key}")
  void markRetrospectiveDue(String key);

  // alerts

  @Insert("""
      INSERT INTO incident_alert (incident_key, fingerprint, alert_name, severity, summary, labels, generator_url,
        status, starts_at, ends_at, first_seen_at, last_seen_at, occurrences)
      VALUES (#{incidentKey}, #{fingerprint}, #{alertName}, #{severity}, #{summary}, #{labels}, #{generatorUrl},
        #{status}, #{startsAt}, #{endsAt}, #{firstSeenAt}, #{lastSeenAt}, #{occurrences})""")
  void insertAlert(IncidentAlert alert);

  @Select("SELECT * FROM incident_alert WHERE incident_key = #{key} ORDER BY first_seen_at, fingerprint")
  List<IncidentAlert> alerts(String key);

  @Update("""
      UPDATE incident_alert SET status = 'firing', ends_at = NULL, last_seen_at = #{at}, occurrences = occurrences + 1
      WHERE incident_key = #{key} AND fingerprint = #{fingerprint}""")
  int recordFiring(@Param("key") String key, @Param("fingerprint") String fingerprint, @Param("at") Instant at);

  @Update("""
      UPDATE incident_alert SET status = 'resolved', ends_at = #{endsAt}, last_seen_at = #{at}
      WHERE incident_key = #{key} AND fingerprint = #{fingerprint}""")
  int recordResolved(@Param("key") String key, @Param("fingerprint") String fingerprint,
      @Param("endsAt") Instant endsAt, @Param("at") Instant at);

  // fingerprint claims: at most one open incident per fingerprint or dedup key

  @Select("SELECT incident_key FROM incident_open_fingerprint WHERE fingerprint = #{fingerprint}")
  String claimant(String fingerprint);

  /** Fails with a duplicate key when another transaction holds the fingerprint. */
  @Insert("INSERT INTO incident_open_fingerprint (fingerprint, incident_key) VALUES (#{fingerprint}, NULL)")
  void claim(String fingerprint);

  @Update("UPDATE incident_open_fingerprint SET incident_key = #{key} WHERE fingerprint = #{fingerprint}")
  void assignClaim(@Param("fingerprint") String fingerprint, @Param("key") String key);

  @Delete("DELETE FROM incident_open_fingerprint WHERE incident_key = #{key}")
  void releaseClaims(String key);

  // timeline

  @Insert("""
      INSERT INTO incident_timeline (incident_key, occurred_at, kind, actor, message)
      VALUES (#{key}, #{at}, #{kind}, #{actor}, #{message})""")
  void addEntry(@Param("key") String key, @Param("at") Instant at, @Param("kind") String kind,
      @Param("actor") String actor, @Param("message") String message);

  @Select("SELECT * FROM incident_timeline WHERE incident_key = #{key} ORDER BY entry_id")
  List<TimelineEntry> timeline(String key);
}
