-- Business keys such as INC-2026-0042: one counter per prefix and year, incremented under a row lock.
CREATE TABLE business_key_sequence (
  prefix      VARCHAR(16) NOT NULL,
  key_year    INT         NOT NULL,
  last_value  BIGINT      NOT NULL,
  CONSTRAINT pk_business_key_sequence PRIMARY KEY (prefix, key_year)
);

CREATE TABLE incident (
  incident_key          VARCHAR(32)   NOT NULL,
  title                 VARCHAR(300)  NOT NULL,
  description           TEXT,
  service_key           VARCHAR(64),
  reported_service      VARCHAR(200),
  unknown_service       BOOLEAN       NOT NULL,
  on_call_group         VARCHAR(64)   NOT NULL,
  impact                VARCHAR(10)   NOT NULL,
  urgency               VARCHAR(10)   NOT NULL,
  priority              VARCHAR(2),
  ack_sla_minutes       INT,
  resolve_sla_minutes   INT,
  ack_due_at            DATETIME(3),
  resolve_due_at        DATETIME(3),
  source                VARCHAR(20)   NOT NULL,
  reported_by           VARCHAR(64)   NOT NULL,
  state                 VARCHAR(20)   NOT NULL,
  major                 BOOLEAN       NOT NULL,
  diagnosis_group       VARCHAR(64),
  resolution_summary    TEXT,
  opened_at             DATETIME(3)   NOT NULL,
  acknowledged_at       DATETIME(3),
  acknowledged_by       VARCHAR(64),
  resolved_at           DATETIME(3),
  resolved_by           VARCHAR(64),
  closed_at             DATETIME(3),
  seconds_to_acknowledge BIGINT,
  seconds_to_resolve    BIGINT,
  ack_sla_breached      BOOLEAN       NOT NULL,
  resolve_sla_breached  BOOLEAN       NOT NULL,
  retrospective_due     BOOLEAN       NOT NULL,
  CONSTRAINT pk_incident PRIMARY KEY (incident_key)
);
CREATE INDEX ix_incident_state ON incident (state, opened_at);
CREATE INDEX ix_incident_service ON incident (service_key, opened_at);

-- One open incident per alert fingerprint or dedup key. The primary key is what makes two
-- identical webhooks arriving at the same moment open exactly one incident.
CREATE TABLE incident_open_fingerprint (
  fingerprint   VARCHAR(128) NOT NULL,
  incident_key  VARCHAR(32),
  CONSTRAINT pk_incident_open_fingerprint PRIMARY KEY (fingerprint)
);
CREATE INDEX ix_incident_open_fingerprint_incident ON incident_open_fingerprint (incident_key);

CREATE TABLE incident_alert (
  incident_key   VARCHAR(32)   NOT NULL,
  fingerprint    VARCHAR(128)  NOT NULL,
  alert_name     VARCHAR(200)  NOT NULL,
  severity       VARCHAR(40),
  summary        VARCHAR(1000),
  labels         TEXT          NOT NULL,
  generator_url  VARCHAR(2000),
  status         VARCHAR(10)   NOT NULL,
  starts_at      DATETIME(3),
  ends_at        DATETIME(3),
  first_seen_at  DATETIME(3)   NOT NULL,
  last_seen_at   DATETIME(3)   NOT NULL,
  occurrences    INT           NOT NULL,
  CONSTRAINT pk_incident_alert PRIMARY KEY (incident_key, fingerprint),
  CONSTRAINT fk_incident_alert_incident FOREIGN KEY (incident_key) REFERENCES incident (incident_key)
);

CREATE TABLE incident_timeline (
  entry_id      BIGINT AUTO_INCREMENT NOT NULL,
  incident_key  VARCHAR(32)   NOT NULL,
  occurred_at   DATETIME(3)   NOT NULL,
  kind          VARCHAR(40)   NOT NULL,
  actor         VARCHAR(64)   NOT NULL,
  message       VARCHAR(2000) NOT NULL,
  CONSTRAINT pk_incident_timeline PRIMARY KEY (entry_id),
  CONSTRAINT fk_incident_timeline_incident FOREIGN KEY (incident_key) REFERENCES incident (incident_key)
);
CREATE INDEX ix_incident_timeline_incident ON incident_timeline (incident_key, entry_id);
