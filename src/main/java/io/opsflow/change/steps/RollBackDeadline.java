package io.opsflow.change.steps;

import java.util.Date;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Incidents;

/**
 * A roll-back is due when the incident that called for it must be resolved (its resolve SLA), so
 * Tasklist shows the deadline on the "Roll back" card. A roll-back after QA's failed check, or after a
 * restricted incident the change may not name, has no incident to take it from: no due date.
 */
final class RollBackDeadline {

  private RollBackDeadline() {
  }

  static Date of(Incidents incidents, String incidentKey) {
    return incidents.find(incidentKey).map(Incident::resolveDueAt).map(Date::from).orElse(null);
  }
}
