-- Service lifecycle (issue 13): planned -> launching -> live -> deprecated -> retired. Services that
-- existed before run already, so they are live; the column keeps no default, every insert names the state.
ALTER TABLE catalog_service ADD COLUMN lifecycle VARCHAR(20) DEFAULT 'live' NOT NULL;
ALTER TABLE catalog_service ALTER COLUMN lifecycle DROP DEFAULT;

-- Every state a service took: from_state is null for the state it was registered in. process_instance_id and
-- business_key name the process that moved it (a launch, a retirement); both null for a move by hand.
CREATE TABLE catalog_lifecycle_transition (
  transition_id        BIGINT AUTO_INCREMENT NOT NULL,
  service_key          VARCHAR(64)   NOT NULL,
  from_state           VARCHAR(20),
  to_state             VARCHAR(20)   NOT NULL,
  actor                VARCHAR(64)   NOT NULL,
  process_instance_id  VARCHAR(64),
  business_key         VARCHAR(64),
  reason               VARCHAR(1000),
  occurred_at          DATETIME(3)   NOT NULL,
  CONSTRAINT pk_catalog_lifecycle_transition PRIMARY KEY (transition_id),
  CONSTRAINT fk_catalog_lifecycle_service FOREIGN KEY (service_key) REFERENCES catalog_service (service_key)
);
CREATE INDEX ix_catalog_lifecycle_service ON catalog_lifecycle_transition (service_key, transition_id);

INSERT INTO catalog_lifecycle_transition (service_key, from_state, to_state, actor, reason, occurred_at)
SELECT service_key, NULL, 'live', 'opsflow', 'running before OpsFlow kept lifecycles', created_at FROM catalog_service;

-- Usage facts (用户行为分析): daily aggregates an analytics job reports, never a user's own data. A repeat
-- for the same service and day (and feature) replaces the figures.
CREATE TABLE usage_service_day (
  service_key   VARCHAR(64)  NOT NULL,
  usage_day     DATE         NOT NULL,
  active_users  BIGINT       NOT NULL,
  recorded_by   VARCHAR(64)  NOT NULL,
  recorded_at   DATETIME(3)  NOT NULL,
  CONSTRAINT pk_usage_service_day PRIMARY KEY (service_key, usage_day)
);

CREATE TABLE usage_feature_day (
  service_key           VARCHAR(64)   NOT NULL,
  feature               VARCHAR(100)  NOT NULL,
  usage_day             DATE          NOT NULL,
  active_users          BIGINT        NOT NULL,
  uses                  BIGINT        NOT NULL,
  median_seconds_spent  INT,
  recorded_by           VARCHAR(64)   NOT NULL,
  recorded_at           DATETIME(3)   NOT NULL,
  CONSTRAINT pk_usage_feature_day PRIMARY KEY (service_key, feature, usage_day)
);
CREATE INDEX ix_usage_feature_service_day ON usage_feature_day (service_key, usage_day);
