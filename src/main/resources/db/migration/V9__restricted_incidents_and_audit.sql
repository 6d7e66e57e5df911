-- An incident's category (from the report or triage) and whether it is restricted: incidents of a
-- restricted category (security) and what they start are read only by ops, managers and security.
ALTER TABLE incident ADD COLUMN category VARCHAR(20);
ALTER TABLE incident ADD COLUMN restricted BOOLEAN DEFAULT FALSE NOT NULL;

-- OpsFlow's own audit trail: who changed configuration, approved or overrode what, with the state
-- before and after (JSON). Written in the transaction of the change it records; never updated.
CREATE TABLE audit_entry (
  entry_id      BIGINT AUTO_INCREMENT NOT NULL,
  occurred_at   DATETIME(3)    NOT NULL,
  actor         VARCHAR(64)    NOT NULL,
  action        VARCHAR(64)    NOT NULL,
  subject       VARCHAR(128)   NOT NULL,
  details       VARCHAR(2000),
  before_state  TEXT,
  after_state   TEXT,
  CONSTRAINT pk_audit_entry PRIMARY KEY (entry_id)
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at, entry_id);
CREATE INDEX ix_audit_entry_subject ON audit_entry (subject, occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, occurred_at);
