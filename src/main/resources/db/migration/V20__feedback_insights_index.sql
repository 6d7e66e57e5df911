-- Insights at 1,000,000 items (issue 12, InsightsBenchmark): the figures of a service and period are
-- read from this index alone, no row fetched. ix_feedback_service_time stays: the list's order
-- (occurred_at, feedback_id) is its order (the id is its implicit tail), not this index's.
-- Measured on MariaDB 10.11: no index on occurred_at alone, or the optimizer walks it for a
-- service's deep page, reading every row to test the service.
CREATE INDEX ix_feedback_insights ON feedback (service_key, occurred_at, sentiment, score, rating, version, channel);
