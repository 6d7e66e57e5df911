package io.opsflow.metrics.prometheus;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opsflow.change.ChangeClosed;
import io.opsflow.change.ChangeStopped;
import io.opsflow.change.GateDecided;
import io.opsflow.change.GateStatus;
import io.opsflow.incident.AlertsReceived;
import io.opsflow.incident.IncidentClosed;
import io.opsflow.incident.IncidentOpened;
import io.opsflow.incident.IncidentSlaBreached;
import io.opsflow.incident.IncidentSource;
import io.opsflow.incident.Priority;
import io.opsflow.incident.Sla;
import io.opsflow.kernel.domain.Coded;

/**
 * Counts what the incident and change processes do, from the events their modules publish. Each
 * event counts once its transaction has committed, so an engine job that fails and runs again, or an
 * alert batch that is retried, is not counted twice. The label values are fixed codes and catalog
 * keys; series of known values start at zero, so rates and alerts work before the first event.
 */
@Component
class ProcessMeters {

  static final String INCIDENTS_OPENED = "opsflow.incidents.opened";
  static final String INCIDENTS_CLOSED = "opsflow.incidents.closed";
  static final String SLA_BREACHES = "opsflow.incident.sla.breaches";
  static final String ALERTS_RECEIVED = "opsflow.alerts.received";
  static final String CHANGES_ENDED = "opsflow.changes.ended";
  static final String GATE_WAIT = "opsflow.change.gate.wait";
  /** What the gate wait histogram's buckets end at: from minutes for standard changes to a week of approvals. */
  static final List<Duration> GATE_WAIT_BUCKETS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
      Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
  static final String WITHIN_SLA = "within-sla";
  static final String SLA_MISSED = "sla-missed";

  private final MeterRegistry meters;

  ProcessMeters(MeterRegistry meters) {
    this.meters = meters;
    for (IncidentSource source : IncidentSource.values()) {
      incidentsOpened(source.code());
    }
    for (Priority priority : Priority.values()) {
      incidentsClosed(priority.code(), WITHIN_SLA);
      incidentsClosed(priority.code(), SLA_MISSED);
      for (Sla sla : Sla.values()) {
        slaBreaches(priority.code(), sla.code());
      }
    }
    for (String outcome : List.of("new", "repeat", "resolved", "ignored")) {
      alertsReceived(outcome);
    }
    gateWait(GateStatus.APPROVED.code());
    gateWait(GateStatus.REJECTED.code());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(IncidentOpened opened) {
    incidentsOpened(opened.source().code()).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(IncidentClosed closed) {
    incidentsClosed(code(closed.priority()), closed.withinSla() ? WITHIN_SLA : SLA_MISSED).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(IncidentSlaBreached breach) {
    slaBreaches(code(breach.priority()), breach.sla().code()).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(AlertsReceived alerts) {
    alertsReceived("new").increment(alerts.opened());
    alertsReceived("repeat").increment(alerts.repeated());
    alertsReceived("resolved").increment(alerts.resolved());
    alertsReceived("ignored").increment(alerts.ignored());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ChangeClosed closed) {
    changesEnded(closed.serviceKey(), closed.changeType(), closed.outcome()).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ChangeStopped stopped) {
    changesEnded(stopped.serviceKey(), stopped.changeType(), stopped.state()).increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(GateDecided decided) {
    gateWait(decided.status().code()).record(decided.waited());
  }

  private Counter incidentsOpened(String source) {
    return Counter.builder(INCIDENTS_OPENED).description("Incidents opened, by where the report came from")
        .tag("source", source).register(meters);
  }

  private Counter incidentsClosed(String priority, String outcome) {
    return Counter.builder(INCIDENTS_CLOSED)
        .description("Incidents closed, by priority and whether both SLA targets held")
        .tags("priority", priority, "outcome", outcome).register(meters);
  }

  private Counter slaBreaches(String priority, String sla) {
    return Counter.builder(SLA_BREACHES)
        .description("SLA targets that passed while the incident was open, by priority and target")
        .tags("priority", priority, "sla", sla).register(meters);
  }

  private Counter alertsReceived(String outcome) {
    return Counter.builder(ALERTS_RECEIVED)
        .description("Alertmanager alerts taken in: new (opened an incident), repeat, resolved, ignored")
        .tag("outcome", outcome).register(meters);
  }

  private Counter changesEnded(String service, Coded type, Coded outcome) {
    return Counter.builder(CHANGES_ENDED)
        .description("Changes that ended, by service, type and outcome (succeeded, failed, rolled-back, rejected, "
            + "cancelled)")
        .tags("service", service, "type", type.code(), "outcome", outcome.code()).register(meters);
  }

  private Timer gateWait(String result) {
    return Timer.builder(GATE_WAIT)
        .description("How long a change waited at its deployment gate, from its request to approved or rejected")
        .serviceLevelObjectives(GATE_WAIT_BUCKETS.toArray(Duration[]::new))
        .tag("result", result).register(meters);
  }

  /** A priority as a label: {@code none} when the incident closed before its priority was decided. */
  static String code(Priority priority) {
    return priority == null ? "none" : priority.code();
  }
}
