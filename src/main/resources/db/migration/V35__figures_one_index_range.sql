-- Operations figures at scale (issue 14): every figures statement is one range of one index that
-- holds every column it reads, for everything (by time first) and for some services (by service,
-- then time: one range a service), so no row is looked up. Replaces V31's incident index (it gains
-- V34's escalated flag) and the (service, time) indexes of V3 and V23, their first two columns.
CREATE INDEX ix_incident_figures_escalated ON incident (opened_at, service_key, restricted, priority, source,
  escalated, acknowledged_at, ack_due_at, resolved_at, resolve_due_at);
DROP INDEX ix_incident_figures ON incident;
CREATE INDEX ix_incident_service_figures ON incident (service_key, opened_at, restricted, priority, source,
  escalated, acknowledged_at, ack_due_at, resolved_at, resolve_due_at);
DROP INDEX ix_incident_service ON incident;
CREATE INDEX ix_change_request_service_figures ON change_request (service_key, deployed_at, deployment_status,
  change_type, outcome, incident_key, fixes_incident, verification_minutes, committed_at, closed_at);
DROP INDEX ix_change_request_service_deployed ON change_request;
