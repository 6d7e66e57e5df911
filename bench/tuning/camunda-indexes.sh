#!/usr/bin/env bash
# A/B of the two indexes V36 adds to Camunda's schema (issue 16), on MariaDB/MySQL:
# Camunda's own MySQL schema, N open incidents' worth of SLA timers (two each, due later) and
# user tasks, then the job executor's acquisition query and the task-by-parent query Camunda runs
# on every task completion, timed by mysqlslap before and after the indexes, with their EXPLAIN.
#   bench/tuning/camunda-indexes.sh [open-incidents, default 20000]
# Needs the engine jar in ~/.m2 (any build) and `mysql`/`mysqlslap` for root on 127.0.0.1
# (MYSQL_ARGS to change). Drops and recreates the database opsflow_tune_idx.
set -euo pipefail
N=${1:-20000}
DB=opsflow_tune_idx
ARGS=${MYSQL_ARGS:--uroot -h127.0.0.1}
JAR=$(find ~/.m2/repository/org/camunda/bpm/camunda-engine -name 'camunda-engine-7.24*.jar' | head -1)
sql() { mysql $ARGS "$DB" -e "$1"; }

mysql $ARGS -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
unzip -p "$JAR" org/camunda/bpm/engine/db/create/activiti.mysql.create.engine.sql | mysql $ARGS "$DB"
sql "SET FOREIGN_KEY_CHECKS=0;
INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_,
  HANDLER_TYPE_, HANDLER_CFG_, SUSPENSION_STATE_, PRIORITY_, CREATE_TIME_)
  SELECT CONCAT('job-', seq), 1, 'timer', 1, CONCAT('ex-', seq DIV 2), CONCAT('pi-', seq DIV 2), 3,
    NOW() + INTERVAL (30 + seq MOD 240) MINUTE, 'timer-transition', '{\"activityId\":\"Timer_AckSla\"}', 1, 0, NOW()
  FROM seq_1_to_$((2 * N));
INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, PRIORITY_,
  CREATE_TIME_, SUSPENSION_STATE_)
  SELECT CONCAT('task-', seq), 1, CONCAT('ex-', seq), CONCAT('pi-', seq), 'incident:1:1', 'Acknowledge incident',
    'Task_AcknowledgeIncident', 50, NOW(), 1
  FROM seq_1_to_$N;
ANALYZE TABLE ACT_RU_JOB, ACT_RU_TASK;" > /dev/null

# as MyBatis sends them (Job.xml selectNextJobsToExecute, maxJobsPerAcquisition 3; Task.xml selectTasksByParentTaskId)
ACQUIRE="SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= NOW()) AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < NOW()) AND RES.SUSPENSION_STATE_ = 1 LIMIT 3 OFFSET 0"
SUBTASKS="SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = 'task-42'"

measure() {
  echo "### $1 ($((2 * N)) timer jobs, $N tasks)"
  for q in ACQUIRE SUBTASKS; do
    echo "-- $q: $(mysql $ARGS "$DB" -N -e "EXPLAIN ${!q}" | awk -F'\t' '{print "type=" $4 " key=" $6 " rows=" $9}')"
    mysqlslap $ARGS --create-schema="$DB" --query="${!q}" --iterations=3 --number-of-queries=200 --concurrency=1 \
      | grep -E "Average|Minimum" | sed 's/^ */   /'
  done
}
measure "before: Camunda's schema as shipped"
sql "CREATE INDEX OPSFLOW_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
     CREATE INDEX OPSFLOW_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_);"
measure "after: with V36's indexes"
mysql $ARGS -e "DROP DATABASE $DB"
