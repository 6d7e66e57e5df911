-- The feedback-triage process (issue 12): every day the new negative and suggestion items are grouped
-- per service and topic, and each group is one triage, one task for the service's dev group. The
-- triage keeps what was decided; an item names the triage that took it (at most one: a run claims
-- only items with no triage yet, so a re-run or a concurrent run takes nothing twice).
CREATE TABLE feedback_triage (
  triage_key           VARCHAR(32)   NOT NULL,
  service_key          VARCHAR(64)   NOT NULL,
  topic                VARCHAR(40)   NOT NULL,
  item_count           INT           NOT NULL,
  first_at             DATETIME(3)   NOT NULL,
  last_at              DATETIME(3)   NOT NULL,
  state                VARCHAR(10)   NOT NULL,
  due_at               DATETIME(3)   NOT NULL,
  escalated_at         DATETIME(3),
  backlog_link         VARCHAR(500),
  reply                VARCHAR(2000),
  dismiss_reason       VARCHAR(2000),
  decided_by           VARCHAR(64),
  decided_at           DATETIME(3),
  process_instance_id  VARCHAR(64),
  created_at           DATETIME(3)   NOT NULL,
  CONSTRAINT pk_feedback_triage PRIMARY KEY (triage_key)
);
CREATE INDEX ix_feedback_triage_service ON feedback_triage (service_key, state, created_at);
CREATE INDEX ix_feedback_triage_created ON feedback_triage (created_at);

-- The triage that took the item, and the answer its users got (the triage's reply, on every item).
ALTER TABLE feedback ADD COLUMN triage_key VARCHAR(32);
ALTER TABLE feedback ADD COLUMN reply VARCHAR(2000);
ALTER TABLE feedback ADD CONSTRAINT fk_feedback_triage FOREIGN KEY (triage_key) REFERENCES feedback_triage (triage_key);
-- a run reads a service's items that no triage took yet, received in its look-back
CREATE INDEX ix_feedback_untriaged ON feedback (service_key, triage_key, received_at);
CREATE INDEX ix_feedback_triage ON feedback (triage_key);
