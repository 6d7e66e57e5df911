-- Operations figures at scale (issue 14, measured with 100,000 incidents and 50,000 changes over two
-- years, MetricsBenchmark): a period of 90 days is about an eighth of such a history, and for that
-- share MariaDB reads the whole table rather than a range of a one-column time index and a row
-- lookup for each entry. These indexes hold every column the overall figures read, so a period is one
-- range of one index and no row is looked up; they replace the time indexes of V23, their first column.
CREATE INDEX ix_incident_figures ON incident (opened_at, service_key, restricted, priority, source,
  acknowledged_at, ack_due_at, resolved_at, resolve_due_at);
DROP INDEX ix_incident_opened ON incident;
CREATE INDEX ix_change_request_figures ON change_request (deployed_at, deployment_status, service_key,
  change_type, outcome, incident_key, fixes_incident, verification_minutes, committed_at, closed_at);
DROP INDEX ix_change_request_deployed ON change_request;
-- Action items overdue at the moments of a series: only those not verified by the first moment can
-- be; this index finds them (never verified, or verified since) and holds what the test reads.
CREATE INDEX ix_action_item_open ON action_item (verified_at, due_date, created_at, retro_key);
