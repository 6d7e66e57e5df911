-- What users say about the services (issue 12). body is the text, stored masked (no e-mail, phone or ID-card
-- number), user_hash is HMAC-SHA256 of the caller's userRef under opsflow.feedback.hash-key: the
-- plain reference is never stored. The unique key records a repeat (same channel + external id) once,
-- also when two requests carry it at the same moment.
CREATE TABLE feedback (
  feedback_id   BIGINT AUTO_INCREMENT NOT NULL,
  service_key   VARCHAR(64)   NOT NULL,
  version       VARCHAR(100),
  channel       VARCHAR(20)   NOT NULL,
  external_id   VARCHAR(200)  NOT NULL,
  body          TEXT          NOT NULL,
  rating        INT,
  occurred_at   DATETIME(3)   NOT NULL,
  received_at   DATETIME(3)   NOT NULL,
  user_hash     VARCHAR(64),
  language      VARCHAR(5)    NOT NULL,
  sentiment     VARCHAR(10)   NOT NULL,
  score         DECIMAL(4,3)  NOT NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  CONSTRAINT pk_feedback PRIMARY KEY (feedback_id),
  CONSTRAINT uq_feedback_channel_external UNIQUE (channel, external_id)
);
CREATE INDEX ix_feedback_service_time ON feedback (service_key, occurred_at);

-- The terms a negative item is about (nouns, verbs, adjectives; no stop or sentiment words): what
-- the complaint topics of a service and period count. Kept per item, so counting is one GROUP BY.
CREATE TABLE feedback_term (
  feedback_id  BIGINT       NOT NULL,
  term         VARCHAR(40)  NOT NULL,
  CONSTRAINT pk_feedback_term PRIMARY KEY (feedback_id, term),
  CONSTRAINT fk_feedback_term_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (feedback_id)
);
