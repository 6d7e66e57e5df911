-- Insights and the list at 1,000,000 items (issue 12, InsightsBenchmark). The insights of a service
-- and period read only this index (no row is fetched for the figures), and the list's page of a
-- service is found in it before any row is read. It starts with (service_key, occurred_at), so it
-- replaces that index. The list without a service walks the time index, newest first.
CREATE INDEX ix_feedback_insights ON feedback (service_key, occurred_at, sentiment, score, rating, version, channel);
DROP INDEX ix_feedback_service_time ON feedback;
CREATE INDEX ix_feedback_time ON feedback (occurred_at);
