-- Columns wide enough for everything the API and the processes accept (issue 9). H2 and MySQL share
-- no statement that changes a column's type, so each column is replaced: add, copy, drop, rename.

-- A retrospective's facts list up to 1000 changes and 1000 incidents as JSON: more than TEXT's 64 KB.
ALTER TABLE retrospective ADD COLUMN facts_json MEDIUMTEXT;
UPDATE retrospective SET facts_json = facts;
ALTER TABLE retrospective DROP COLUMN facts;
ALTER TABLE retrospective RENAME COLUMN facts_json TO facts;

-- A service outside the catalog is named as an incident reported it: up to 200 characters and a note.
ALTER TABLE retrospective ADD COLUMN service VARCHAR(255) DEFAULT '' NOT NULL;
UPDATE retrospective SET service = service_key;
DROP INDEX ix_retrospective_service ON retrospective;
ALTER TABLE retrospective DROP COLUMN service_key;
ALTER TABLE retrospective RENAME COLUMN service TO service_key;
CREATE INDEX ix_retrospective_service ON retrospective (service_key, state);

ALTER TABLE plan_activation ADD COLUMN service VARCHAR(255);
UPDATE plan_activation SET service = service_key;
ALTER TABLE plan_activation DROP COLUMN service_key;
ALTER TABLE plan_activation RENAME COLUMN service TO service_key;

-- A freeze window names up to 50 services of up to 64 characters.
ALTER TABLE freeze_window ADD COLUMN service_list VARCHAR(4000) DEFAULT '' NOT NULL;
UPDATE freeze_window SET service_list = services;
ALTER TABLE freeze_window DROP COLUMN services;
ALTER TABLE freeze_window RENAME COLUMN service_list TO services;
