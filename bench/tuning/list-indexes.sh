#!/usr/bin/env bash
# A/B of the indexes V37 adds to OpsFlow's tables (issue 16), on MariaDB/MySQL: 100,000 incidents
# (3 % not closed, 5 % restricted) and 50,000 changes (2 % open) over two years, then the list
# queries behind GET /api/incidents and /api/changes (newest first, LIMIT 50, as IncidentMapper.list
# and ChangeMapper.list send them) and the changes linked to an incident, timed by mysqlslap before
# and after V37's indexes, with their EXPLAIN.
#   bench/tuning/list-indexes.sh [schema-db]
# schema-db is a database migrated by OpsFlow (default opsflow_test_tune, left by any IT run with
# OPSFLOW_TEST_DB_SUFFIX=_tune); its tables are copied without rows, with the indexes of V36's time,
# into opsflow_tune_lists, which is dropped at the end. MYSQL_ARGS: client options (root on 127.0.0.1).
set -euo pipefail
SRC=${1:-opsflow_test_tune}
DB=opsflow_tune_lists
ARGS=${MYSQL_ARGS:--uroot -h127.0.0.1}
sql() { mysql $ARGS "$DB" -e "$1"; }
mysql $ARGS -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
sql "CREATE TABLE incident LIKE $SRC.incident; CREATE TABLE change_request LIKE $SRC.change_request;"
for index in ix_change_request_incident ix_change_request_recent ix_change_request_state ix_incident_recent; do
  table=$([[ $index == ix_incident* ]] && echo incident || echo change_request)
  mysql $ARGS "$DB" -e "DROP INDEX $index ON $table" 2>/dev/null || true
done
sql "INSERT INTO incident (incident_key, title, service_key, unknown_service, on_call_group, impact, urgency, priority,
  source, reported_by, state, major, opened_at, ack_sla_breached, resolve_sla_breached, retrospective_due, restricted)
  SELECT CONCAT('INC-', 2024 + seq DIV 50000, '-', LPAD(seq, 6, '0')), CONCAT('Checkout slow ', seq),
    CONCAT('svc-', seq MOD 40), FALSE, 'sre', 'high', 'high', 'P2', 'alertmanager', 'alertmanager',
    IF(seq MOD 33 = 0, 'open', 'closed'), FALSE, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq * 630 SECOND,
    FALSE, FALSE, FALSE, seq MOD 20 = 0
  FROM seq_1_to_100000;
INSERT INTO change_request (change_key, service_key, version, title, change_type, tests_failed, has_db_migration,
  requested_by, requested_via, state, gate_status, incident_key, retrospective_due, created_at)
  SELECT CONCAT('CHG-', 2024 + seq DIV 25000, '-', LPAD(seq, 6, '0')), CONCAT('svc-', seq MOD 40), CONCAT('1.', seq),
    CONCAT('Release 1.', seq), 'normal', FALSE, FALSE, 'ci-bot', 'ci-bot', IF(seq MOD 50 = 0, 'scheduled', 'closed'),
    'approved', IF(seq MOD 10 = 0, CONCAT('INC-', 2024 + seq DIV 50000, '-', LPAD(seq * 2, 6, '0')), NULL), FALSE,
    TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq * 1260 SECOND
  FROM seq_1_to_50000;
ANALYZE TABLE incident, change_request;" > /dev/null

declare -A Q=(
  [incidents_all]="SELECT * FROM incident ORDER BY opened_at DESC, incident_key DESC LIMIT 50"
  [incidents_all_unrestricted]="SELECT * FROM incident WHERE restricted = FALSE ORDER BY opened_at DESC, incident_key DESC LIMIT 50"
  [incidents_open]="SELECT * FROM incident WHERE state <> 'closed' ORDER BY opened_at DESC, incident_key DESC LIMIT 50"
  [changes_all]="SELECT * FROM change_request ORDER BY created_at DESC, change_key DESC LIMIT 50"
  [changes_open]="SELECT * FROM change_request WHERE state NOT IN ('closed', 'rejected', 'cancelled') ORDER BY created_at DESC, change_key DESC LIMIT 50"
  [changes_linked]="SELECT * FROM change_request WHERE incident_key = 'INC-2024-002000'"
)
measure() {
  echo "### $1"
  echo "| query | plan (type key rows extra) | ms per query |"
  echo "|---|---|---:|"
  for name in incidents_all incidents_all_unrestricted incidents_open changes_all changes_open changes_linked; do
    plan=$(mysql $ARGS "$DB" -N -e "EXPLAIN ${Q[$name]}" | awk -F'\t' '{print $4 " " $6 " " $9 " " $10}')
    secs=$(mysqlslap $ARGS --create-schema="$DB" --query="${Q[$name]}" --iterations=2 --number-of-queries=50 \
      --concurrency=1 | awk '/Average number of seconds/ {print $9}')
    echo "| $name | $plan | $(awk -v s="$secs" 'BEGIN {printf "%.2f", s * 1000 / 50}') |"
  done
}
measure "before V37"
mysql $ARGS "$DB" < "$(dirname "$0")/../../src/main/resources/db/migration/V37__list_indexes.sql"
sql "ANALYZE TABLE incident, change_request" > /dev/null
measure "after V37"
mysql $ARGS -e "DROP DATABASE $DB"
