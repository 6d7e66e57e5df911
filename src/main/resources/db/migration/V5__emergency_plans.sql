-- Runs of emergency plans (real or drill), EPA-2026-0001; step timings come from Camunda's history.
CREATE TABLE plan_activation (
  activation_key       VARCHAR(32)   NOT NULL,
  plan_key             VARCHAR(100)  NOT NULL,
  process_instance_id  VARCHAR(64)   NOT NULL,
  incident_key         VARCHAR(32),
  service_key          VARCHAR(64),
  drill                BOOLEAN       NOT NULL,
  started_by           VARCHAR(64)   NOT NULL,
  started_at           DATETIME(3)   NOT NULL,
  commander            VARCHAR(64),
  ended_at             DATETIME(3),
  outcome              VARCHAR(12),
  summary              VARCHAR(4000),
  CONSTRAINT pk_plan_activation PRIMARY KEY (activation_key)
);
CREATE INDEX ix_plan_activation_plan ON plan_activation (plan_key, drill, ended_at);
CREATE INDEX ix_plan_activation_process ON plan_activation (process_instance_id);

-- What happened in an activation besides the steps themselves: notes, notices, automated actions.
CREATE TABLE plan_activation_log (
  entry_id        BIGINT AUTO_INCREMENT NOT NULL,
  activation_key  VARCHAR(32)    NOT NULL,
  occurred_at     DATETIME(3)    NOT NULL,
  step            VARCHAR(200)   NOT NULL,
  kind            VARCHAR(20)    NOT NULL,
  actor           VARCHAR(64)    NOT NULL,
  message         VARCHAR(4000)  NOT NULL,
  CONSTRAINT pk_plan_activation_log PRIMARY KEY (entry_id),
  CONSTRAINT fk_plan_activation_log_activation FOREIGN KEY (activation_key) REFERENCES plan_activation (activation_key)
);
CREATE INDEX ix_plan_activation_log_activation ON plan_activation_log (activation_key, entry_id);
