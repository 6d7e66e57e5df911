-- Operations figures (metrics module). A change may say when its commit was made (change lead time)
-- and which incident an emergency change fixes (deployment rework rate).
ALTER TABLE change_request ADD COLUMN committed_at DATETIME(3);
ALTER TABLE change_request ADD COLUMN fixes_incident VARCHAR(32);

-- The figures read periods of time: every query is a range on one of these time columns, so a
-- period of 90 days reads that period's rows, not the whole history.
CREATE INDEX ix_change_request_deployed ON change_request (deployed_at);
CREATE INDEX ix_change_request_service_deployed ON change_request (service_key, deployed_at);
CREATE INDEX ix_incident_opened ON incident (opened_at);
-- "was this incident escalated?" reads one incident's entries of one kind
CREATE INDEX ix_incident_timeline_kind ON incident_timeline (incident_key, kind);
CREATE INDEX ix_action_item_due ON action_item (due_date);
CREATE INDEX ix_retrospective_closed ON retrospective (closed_at);
