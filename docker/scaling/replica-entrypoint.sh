#!/bin/bash
# Entrypoint of the hot standby of compose.scaling.yaml. The first start copies
# the primary with pg_basebackup -R (standby.signal and primary_conninfo: it
# streams the primary's WAL from then on, named "replica" for
# synchronous_standby_names); every start runs PostgreSQL as a hot standby that
# answers read-only queries.
set -euo pipefail

data=${PGDATA:-/var/lib/postgresql/data}
primary=${PRIMARY_HOST:-db}

if [ ! -s "$data/PG_VERSION" ]; then
    until pg_isready -q -h "$primary" -U replicator; do
        sleep 1
    done
    mkdir -p "$data"
    chown postgres:postgres "$data"
    chmod 700 "$data"
    PGPASSWORD=$REPLICATION_PASSWORD gosu postgres pg_basebackup \
        -d "host=$primary user=replicator application_name=replica" \
        -D "$data" -R -X stream -c fast
fi

exec gosu postgres postgres -D "$data" \
    -c hot_standby=on -c hot_standby_feedback=on -c max_connections=300
