-- Two indexes Camunda's MySQL schema lacks (issue 16; bench/tuning/camunda-indexes.sh). Each open
-- incident keeps two SLA timers in ACT_RU_JOB and a user task in ACT_RU_TASK, so both tables grow
-- with the open work, and two queries read them whole:
-- - the job executor's acquisition (DUEDATE_ IS NULL OR DUEDATE_ <= now), every few seconds on
--   every node: with 40,000 timers 60 ms a query before, 0.6 ms after;
-- - the sub-tasks of a task (PARENT_TASK_ID_ = ?), on every task completion: with 20,000 tasks
--   55 ms before, 0.4 ms after.
-- Camunda's tables exist here: Spring Boot runs Liquibase (Camunda's changelog) before Flyway's
-- migrations, and an installation that took Camunda's SQL scripts ran them before the first start.
-- Plain CREATE INDEX (MySQL 8 has no IF NOT EXISTS); named OPSFLOW_ so no Camunda name collides.
CREATE INDEX OPSFLOW_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
CREATE INDEX OPSFLOW_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_);
