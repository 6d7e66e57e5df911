-- Notification channels: where messages go. The target (a webhook URL carries the robot's token)
-- and the secret are sealed with AES-GCM (io.opsflow.notify.outbox.SecretBox), never stored plain.
CREATE TABLE notification_channel (
  channel_id     BIGINT AUTO_INCREMENT NOT NULL,
  name           VARCHAR(200)  NOT NULL,
  kind           VARCHAR(20)   NOT NULL,
  target_sealed  TEXT          NOT NULL,
  secret_sealed  TEXT,
  language       VARCHAR(5)    NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  CONSTRAINT pk_notification_channel PRIMARY KEY (channel_id)
);

-- Who gets what: an event, optionally narrowed to a service, a group and a minimum priority.
CREATE TABLE notification_rule (
  rule_id       BIGINT AUTO_INCREMENT NOT NULL,
  event         VARCHAR(40)  NOT NULL,
  service_key   VARCHAR(64),
  group_id      VARCHAR(64),
  min_priority  VARCHAR(2),
  created_at    DATETIME(3)  NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  CONSTRAINT pk_notification_rule PRIMARY KEY (rule_id)
);
CREATE INDEX ix_notification_rule_event ON notification_rule (event);

CREATE TABLE notification_rule_channel (
  rule_id     BIGINT NOT NULL,
  channel_id  BIGINT NOT NULL,
  CONSTRAINT pk_notification_rule_channel PRIMARY KEY (rule_id, channel_id),
  CONSTRAINT fk_notification_rule_channel_rule FOREIGN KEY (rule_id) REFERENCES notification_rule (rule_id) ON DELETE CASCADE,
  CONSTRAINT fk_notification_rule_channel_channel FOREIGN KEY (channel_id) REFERENCES notification_channel (channel_id)
);
CREATE INDEX ix_notification_rule_channel_channel ON notification_rule_channel (channel_id);

-- The outbox: one row per (notice, channel, recipient), written in the transaction of the event
-- that caused it, delivered afterwards by io.opsflow.notify.outbox.Delivery. The unique key makes
-- a notice published twice (a retried delegate) enqueue once. recipient is '' for the channel
-- itself. Rows are kept as the audit trail of what was sent to whom (GET /api/notifications).
CREATE TABLE notification (
  notification_id  BIGINT AUTO_INCREMENT NOT NULL,
  notice_id        VARCHAR(200)  NOT NULL,
  event            VARCHAR(40)   NOT NULL,
  reference        VARCHAR(64)   NOT NULL,
  channel_id       BIGINT        NOT NULL,
  recipient        VARCHAR(64)   DEFAULT '' NOT NULL,
  language         VARCHAR(5)    NOT NULL,
  title            VARCHAR(500)  NOT NULL,
  markdown         TEXT          NOT NULL,
  body_text        TEXT          NOT NULL,
  link             VARCHAR(2000),
  mentions         VARCHAR(1000),
  facts            TEXT,
  state            VARCHAR(10)   NOT NULL,
  attempts         INT           DEFAULT 0 NOT NULL,
  next_attempt_at  DATETIME(3)   NOT NULL,
  last_attempt_at  DATETIME(3),
  last_status      INT,
  last_answer      VARCHAR(2000),
  merged_into      BIGINT,
  created_at       DATETIME(3)   NOT NULL,
  delivered_at     DATETIME(3),
  lease_owner      VARCHAR(100),
  lease_until      DATETIME(3),
  CONSTRAINT pk_notification PRIMARY KEY (notification_id),
  CONSTRAINT uq_notification_notice UNIQUE (notice_id, channel_id, recipient)
);
CREATE INDEX ix_notification_due ON notification (state, next_attempt_at);
CREATE INDEX ix_notification_channel ON notification (channel_id, last_attempt_at);
CREATE INDEX ix_notification_reference ON notification (reference, created_at);
CREATE INDEX ix_notification_state ON notification (state, created_at);
