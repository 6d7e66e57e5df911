-- service-retirement (issue 13): one row per retirement. active_service_key holds the service while the
-- retirement runs and is cleared when it ends: the unique key refuses a second concurrent retirement of a
-- service (NULLs do not collide on MariaDB, MySQL or H2).
CREATE TABLE lifecycle_retirement (
  retirement_key        VARCHAR(32)    NOT NULL,
  service_key           VARCHAR(64)    NOT NULL,
  active_service_key    VARCHAR(64),
  shutdown_date         DATE           NOT NULL,
  notice_days           INT            NOT NULL,
  state                 VARCHAR(20)    NOT NULL,
  requested_by          VARCHAR(64)    NOT NULL,
  requested_at          DATETIME(3)    NOT NULL,
  notice_text           VARCHAR(4000),
  notice_published_by   VARCHAR(64),
  notice_published_at   DATETIME(3),
  data_location         VARCHAR(2000),
  data_exported_by      VARCHAR(64),
  migration_verified_by VARCHAR(64),
  rights_confirmed_by   VARCHAR(64),
  shutdown_change_key   VARCHAR(32),
  ended_at              DATETIME(3),
  CONSTRAINT pk_lifecycle_retirement PRIMARY KEY (retirement_key),
  CONSTRAINT uq_lifecycle_retirement_active UNIQUE (active_service_key),
  CONSTRAINT fk_lifecycle_retirement_service FOREIGN KEY (service_key) REFERENCES catalog_service (service_key)
);
CREATE INDEX ix_lifecycle_retirement_service ON lifecycle_retirement (service_key, requested_at);
