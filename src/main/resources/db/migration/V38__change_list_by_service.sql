-- A service's closed changes, newest first (GET /api/changes?service=&state=closed): the index on
-- (service_key, state) found them but sorted all of a busy service's changes (10,506 of 50,000 in
-- MetricsQueryPlanIT) to return 50; in this order the list reads its page and stops.
CREATE INDEX ix_change_request_service_recent ON change_request (service_key, created_at, change_key);
