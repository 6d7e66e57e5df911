-- Changes (CHG-2026-0042): what CI or a person asked to release, its risk, route, gate and outcome.
CREATE TABLE change_request (
  change_key            VARCHAR(32)   NOT NULL,
  service_key           VARCHAR(64)   NOT NULL,
  version               VARCHAR(100)  NOT NULL,
  title                 VARCHAR(300)  NOT NULL,
  change_type           VARCHAR(12)   NOT NULL,
  tests_failed          BOOLEAN       NOT NULL,
  has_db_migration      BOOLEAN       NOT NULL,
  planned_start         DATETIME(3),
  commit_sha            VARCHAR(64),
  pipeline_url          VARCHAR(2000),
  requested_by          VARCHAR(64)   NOT NULL,
  requested_via         VARCHAR(64)   NOT NULL,
  idempotency_key       VARCHAR(200),
  request_hash          CHAR(64),
  risk                  VARCHAR(10),
  approval_route        VARCHAR(12),
  verification_minutes  INT,
  conflicts             TEXT,
  state                 VARCHAR(20)   NOT NULL,
  gate_status           VARCHAR(12)   NOT NULL,
  gate_reason           VARCHAR(2000),
  gate_opened_at        DATETIME(3),
  deployment_status     VARCHAR(12),
  deployment_url        VARCHAR(2000),
  deployed_at           DATETIME(3),
  outcome               VARCHAR(20),
  incident_key          VARCHAR(32),
  retrospective_due     BOOLEAN       NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  closed_at             DATETIME(3),
  CONSTRAINT pk_change_request PRIMARY KEY (change_key),
  CONSTRAINT fk_change_request_service FOREIGN KEY (service_key) REFERENCES catalog_service (service_key)
);
-- a repeat with the same Idempotency-Key from the same caller is the same change, even when both arrive at once
CREATE UNIQUE INDEX uq_change_request_idempotency ON change_request (requested_via, idempotency_key);
CREATE INDEX ix_change_request_service ON change_request (service_key, state);

CREATE TABLE change_approval (
  change_key      VARCHAR(32)   NOT NULL,
  approval_group  VARCHAR(64)   NOT NULL,
  approved        BOOLEAN       NOT NULL,
  decided_by      VARCHAR(64)   NOT NULL,
  decided_at      DATETIME(3)   NOT NULL,
  comment_text    VARCHAR(2000),
  CONSTRAINT pk_change_approval PRIMARY KEY (change_key, approval_group),
  CONSTRAINT fk_change_approval_change FOREIGN KEY (change_key) REFERENCES change_request (change_key)
);

CREATE TABLE change_timeline (
  entry_id      BIGINT AUTO_INCREMENT NOT NULL,
  change_key    VARCHAR(32)   NOT NULL,
  occurred_at   DATETIME(3)   NOT NULL,
  kind          VARCHAR(40)   NOT NULL,
  actor         VARCHAR(64)   NOT NULL,
  message       VARCHAR(2000) NOT NULL,
  CONSTRAINT pk_change_timeline PRIMARY KEY (entry_id),
  CONSTRAINT fk_change_timeline_change FOREIGN KEY (change_key) REFERENCES change_request (change_key)
);
CREATE INDEX ix_change_timeline_change ON change_timeline (change_key, entry_id);

-- Freeze (blackout) windows: no change but an emergency may be planned inside one.
CREATE TABLE freeze_window (
  window_id   VARCHAR(36)   NOT NULL,
  starts_at   DATETIME(3)   NOT NULL,
  ends_at     DATETIME(3)   NOT NULL,
  services    VARCHAR(2000) NOT NULL,
  reason      VARCHAR(500)  NOT NULL,
  created_by  VARCHAR(64)   NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  CONSTRAINT pk_freeze_window PRIMARY KEY (window_id)
);
CREATE INDEX ix_freeze_window_end ON freeze_window (ends_at);
