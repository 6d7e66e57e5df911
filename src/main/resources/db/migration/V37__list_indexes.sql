-- The lists newest first and the changes linked to an incident (issue 16; bench/tuning/list-indexes.sh,
-- 100,000 incidents and 50,000 changes): without these MariaDB reads and sorts whole tables for
-- GET /api/incidents and /api/changes (ORDER BY time DESC, key DESC LIMIT n) and for an incident's
-- linked change. Each list index ends with the tie-breaking key, so a page is read in order from the
-- index's end and the reading stops at the limit.
CREATE INDEX ix_incident_recent ON incident (opened_at, incident_key);
CREATE INDEX ix_change_request_recent ON change_request (created_at, change_key);
CREATE INDEX ix_change_request_state ON change_request (state, created_at, change_key);
CREATE INDEX ix_change_request_incident ON change_request (incident_key);
