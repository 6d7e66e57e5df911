-- Insights at 1,000,000 items, round 2 (issue 12, InsightsBenchmark): a term carries what the insights
-- narrow and group its item by (service, time, version, channel), copied from the item at intake, so the
-- complaint terms of a service and period are one range of ix_feedback_term_insights, with no lookup of
-- each item. The copies never go stale: an item's service, time, version and channel are not changed
-- after intake. Only negative items have terms (FeedbackIntake), so no sentiment is kept.
-- Portable (H2 and MariaDB): NOT NULL columns are added with a default for the existing rows, filled from
-- their items, and the default dropped, so an insert that leaves one out fails.
ALTER TABLE feedback_term ADD COLUMN service_key VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE feedback_term ADD COLUMN occurred_at DATETIME(3) NOT NULL DEFAULT '1970-01-01 00:00:00';
ALTER TABLE feedback_term ADD COLUMN version VARCHAR(100);
ALTER TABLE feedback_term ADD COLUMN channel VARCHAR(20) NOT NULL DEFAULT '';
UPDATE feedback_term SET
  service_key = (SELECT f.service_key FROM feedback f WHERE f.feedback_id = feedback_term.feedback_id),
  occurred_at = (SELECT f.occurred_at FROM feedback f WHERE f.feedback_id = feedback_term.feedback_id),
  version = (SELECT f.version FROM feedback f WHERE f.feedback_id = feedback_term.feedback_id),
  channel = (SELECT f.channel FROM feedback f WHERE f.feedback_id = feedback_term.feedback_id);
ALTER TABLE feedback_term ALTER COLUMN service_key DROP DEFAULT;
ALTER TABLE feedback_term ALTER COLUMN occurred_at DROP DEFAULT;
ALTER TABLE feedback_term ALTER COLUMN channel DROP DEFAULT;
CREATE INDEX ix_feedback_term_insights ON feedback_term (service_key, occurred_at, term, version, channel);
