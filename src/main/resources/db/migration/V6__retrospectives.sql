-- Post-launch retrospectives (RETRO-2026-0001): one per change or incident, or by hand for a service and window.
CREATE TABLE retrospective (
  retro_key      VARCHAR(32)   NOT NULL,
  subject_type   VARCHAR(10)   NOT NULL,
  subject_key    VARCHAR(32),
  service_key    VARCHAR(200)  NOT NULL,
  window_start   DATETIME(3)   NOT NULL,
  window_end     DATETIME(3)   NOT NULL,
  state          VARCHAR(20)   NOT NULL,
  requested_by   VARCHAR(64)   NOT NULL,
  facts          TEXT,
  summary        TEXT,
  went_well      TEXT,
  went_wrong     TEXT,
  root_causes    TEXT,
  created_at     DATETIME(3)   NOT NULL,
  published_at   DATETIME(3),
  closed_at      DATETIME(3),
  CONSTRAINT pk_retrospective PRIMARY KEY (retro_key)
);
-- repeats of a request for the same change or incident are ignored
CREATE UNIQUE INDEX uq_retrospective_subject ON retrospective (subject_key);
CREATE INDEX ix_retrospective_service ON retrospective (service_key, state);

CREATE TABLE retrospective_finding (
  retro_key       VARCHAR(32)   NOT NULL,
  finding_group   VARCHAR(64)   NOT NULL,
  finding         TEXT,
  nothing_to_add  BOOLEAN       NOT NULL,
  added_by        VARCHAR(64)   NOT NULL,
  added_at        DATETIME(3)   NOT NULL,
  CONSTRAINT pk_retrospective_finding PRIMARY KEY (retro_key, finding_group),
  CONSTRAINT fk_retrospective_finding FOREIGN KEY (retro_key) REFERENCES retrospective (retro_key)
);

CREATE TABLE action_item (
  item_key             VARCHAR(40)   NOT NULL,
  retro_key            VARCHAR(32)   NOT NULL,
  title                VARCHAR(300)  NOT NULL,
  owner_group          VARCHAR(64)   NOT NULL,
  due_date             DATE          NOT NULL,
  state                VARCHAR(20)   NOT NULL,
  escalated            BOOLEAN       NOT NULL,
  implementation_note  TEXT,
  implemented_by       VARCHAR(64),
  implemented_at       DATETIME(3),
  verification_note    TEXT,
  verified_by          VARCHAR(64),
  verified_at          DATETIME(3),
  created_at           DATETIME(3)   NOT NULL,
  CONSTRAINT pk_action_item PRIMARY KEY (item_key),
  CONSTRAINT fk_action_item_retrospective FOREIGN KEY (retro_key) REFERENCES retrospective (retro_key)
);
CREATE INDEX ix_action_item_retro ON action_item (retro_key, item_key);
