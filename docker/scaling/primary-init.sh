#!/bin/bash
# First start of the PostgreSQL primary of compose.scaling.yaml (the official
# image runs /docker-entrypoint-initdb.d once, on an empty volume): a role for
# the standby's replication connection, and its line in pg_hba.conf.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
