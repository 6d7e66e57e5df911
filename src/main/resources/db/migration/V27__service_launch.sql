-- service-launch (issue 13): one row per launch of a planned service. running_service holds the service's key
-- while the launch runs and is null once it ended, so the unique index lets at most one launch per service run:
-- a second launch started at the same moment fails on it and is refused (409).
CREATE TABLE service_launch (
  launch_key           VARCHAR(32)    NOT NULL,
  service_key          VARCHAR(64)    NOT NULL,
  running_service      VARCHAR(64),
  version              VARCHAR(100)   NOT NULL,
  planned_date         DATE           NOT NULL,
  hypercare_days       INT            NOT NULL,
  state                VARCHAR(20)    NOT NULL,
  requested_by         VARCHAR(64)    NOT NULL,
  requested_at         DATETIME(3)    NOT NULL,
  process_instance_id  VARCHAR(64),
  readiness            VARCHAR(4000),
  decided_by           VARCHAR(64),
  decision_reasons     VARCHAR(2000),
  change_key           VARCHAR(32),
  hypercare_started_at DATETIME(3),
  ended_at             DATETIME(3),
  CONSTRAINT pk_service_launch PRIMARY KEY (launch_key),
  CONSTRAINT fk_service_launch_service FOREIGN KEY (service_key) REFERENCES catalog_service (service_key),
  CONSTRAINT ux_service_launch_running UNIQUE (running_service)
);
CREATE INDEX ix_service_launch_service ON service_launch (service_key, requested_at);
CREATE INDEX ix_service_launch_change ON service_launch (change_key);

-- The sign-offs of ops, dev and QA (QA's with the load-test result).
CREATE TABLE service_launch_signoff (
  launch_key     VARCHAR(32)    NOT NULL,
  signoff_group  VARCHAR(16)    NOT NULL,
  signed_by      VARCHAR(64)    NOT NULL,
  notes          VARCHAR(2000),
  load_test_url  VARCHAR(2000),
  signed_at      DATETIME(3)    NOT NULL,
  CONSTRAINT pk_service_launch_signoff PRIMARY KEY (launch_key, signoff_group),
  CONSTRAINT fk_service_launch_signoff FOREIGN KEY (launch_key) REFERENCES service_launch (launch_key)
);

-- The daily launch reports of the hypercare period, their text whole (longer than a process variable holds).
CREATE TABLE service_launch_report (
  launch_key   VARCHAR(32)   NOT NULL,
  report_day   INT           NOT NULL,
  report_text  TEXT          NOT NULL,
  created_at   DATETIME(3)   NOT NULL,
  CONSTRAINT pk_service_launch_report PRIMARY KEY (launch_key, report_day),
  CONSTRAINT fk_service_launch_report FOREIGN KEY (launch_key) REFERENCES service_launch (launch_key)
);
