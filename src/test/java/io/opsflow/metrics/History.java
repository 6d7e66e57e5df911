package io.opsflow.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

import io.opsflow.change.DeploymentReported;
import io.opsflow.change.DeploymentStatus;
import io.opsflow.incident.IncidentOpened;
import io.opsflow.incident.IncidentSource;

/**
 * Writes a hand-made history straight into the tables the figures read (times: "2026-02-03T10:00",
 * UTC), and tells what the services that record those facts tell: a reported deployment and an opened
 * incident to the metrics module's listener (which links a deployment to the incidents of its
 * verification window), an escalation to the incident's flag. In the order the lines are written.
 */
public class History {

  private final JdbcTemplate db;
  private final DeploymentIncidents links;
  private int next;

  /** @param links null: a history as it was written before V34, with neither links nor escalated flags */
  History(JdbcTemplate db, DeploymentIncidents links) {
    this.db = db;
    this.links = links;
  }

  static Instant at(String minute) {
    return Instant.parse(minute + ":00Z");
  }

  static Timestamp ts(String minute) {
    return minute == null ? null : Timestamp.from(at(minute));
  }

  public void service(String key, String devGroup) {
    db.update("INSERT INTO catalog_service (service_key, name, tier, dev_group, on_call_group, lifecycle, created_at,"
        + " updated_at) VALUES (?, ?, 2, ?, 'ops', 'live', ?, ?)", key, key, devGroup, ts("2026-01-01T00:00"), ts("2026-01-01T00:00"));
  }

  public void change(String key, String service, String type, String deployment, String deployedAt,
      String committedAt, String fixes, String incident, String outcome, String closedAt) {
    db.update("INSERT INTO change_request (change_key, service_key, version, title, change_type, tests_failed,"
        + " has_db_migration, requested_by, requested_via, verification_minutes, state, gate_status, deployment_status,"
        + " deployed_at, committed_at, fixes_incident, incident_key, outcome, retrospective_due, created_at, closed_at)"
        + " VALUES (?, ?, '1.0', 'Change', ?, FALSE, FALSE, 'devon', 'ci-bot', 60, 'closed', 'approved', ?, ?, ?, ?, ?,"
        + " ?, FALSE, ?, ?)", key, service, type, deployment, ts(deployedAt), ts(committedAt), fixes, incident, outcome,
        ts("2026-01-01T00:00"), ts(closedAt));
    if (deployment != null && links != null) {
      links.on(new DeploymentReported(key, service, DeploymentStatus.valueOf(deployment.toUpperCase(Locale.ROOT)),
          at(deployedAt)));
    }
  }

  public void incident(String key, String service, String openedAt, String priority, String source,
      String acknowledgedAt, String resolvedAt, Integer ackMinutes, Integer resolveMinutes) {
    Instant opened = at(openedAt);
    db.update("INSERT INTO incident (incident_key, title, service_key, unknown_service, on_call_group, impact, urgency,"
        + " priority, ack_due_at, resolve_due_at, source, reported_by, state, major, opened_at, acknowledged_at,"
        + " resolved_at, ack_sla_breached, resolve_sla_breached, retrospective_due) VALUES (?, '故障 🔥', ?, FALSE,"
        + " 'ops', 'high', 'high', ?, ?, ?, ?, 'olivia', 'open', FALSE, ?, ?, ?, FALSE, FALSE, FALSE)", key, service,
        priority, ackMinutes == null ? null : Timestamp.from(opened.plusSeconds(ackMinutes * 60L)),
        resolveMinutes == null ? null : Timestamp.from(opened.plusSeconds(resolveMinutes * 60L)), source,
        Timestamp.from(opened), ts(acknowledgedAt), ts(resolvedAt));
    if (links != null) {
      links.on(new IncidentOpened(key, service, IncidentSource.valueOf(source.toUpperCase(Locale.ROOT)), false));
    }
  }

  public void timeline(String incident, String kind) {
    db.update("INSERT INTO incident_timeline (incident_key, occurred_at, kind, actor, message)"
        + " VALUES (?, ?, ?, 'opsflow', 'x')", incident, ts("2026-02-10T10:00"), kind);
    if ("escalated".equals(kind) && links != null) {
      db.update("UPDATE incident SET escalated = TRUE WHERE incident_key = ?", incident);
    }
  }

  public void retrospective(String key, String service, String state, String closedAt) {
    db.update("INSERT INTO retrospective (retro_key, subject_type, service_key, window_start, window_end, state,"
        + " requested_by, created_at, closed_at) VALUES (?, 'manual', ?, ?, ?, ?, 'mia', ?, ?)", key, service,
        ts("2026-01-01T00:00"), ts("2026-01-02T00:00"), state, ts("2026-01-10T00:00"), ts(closedAt));
  }

  public void item(String key, String retro, String due, String verifiedAt) {
    item(key, retro, due, verifiedAt, "2026-01-10T00:00");
  }

  public void item(String key, String retro, String due, String verifiedAt, String createdAt) {
    db.update("INSERT INTO action_item (item_key, retro_key, title, owner_group, due_date, state, escalated,"
        + " verified_at, created_at) VALUES (?, ?, 'Item', 'dev', ?, ?, FALSE, ?, ?)", key, retro,
        java.sql.Date.valueOf(LocalDate.parse(due)), verifiedAt == null ? "open" : "verified", ts(verifiedAt),
        ts(createdAt));
  }

  public void drill(String plan, boolean drill, String startedAt, String endedAt) {
    db.update("INSERT INTO plan_activation (activation_key, plan_key, process_instance_id, drill, started_by,"
        + " started_at, ended_at, outcome) VALUES (?, ?, ?, ?, 'mia', ?, ?, 'restored')", "EPA-" + next++, plan,
        "pi-" + next, drill, ts(startedAt), ts(endedAt));
  }
}
