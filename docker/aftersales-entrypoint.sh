#!/bin/bash
# Wait for PostgreSQL, create the database with the after-sales addons and demo
# data on the first start, then serve it. Connection settings come from DB_HOST,
# DB_PORT, DB_USER and DB_PASSWORD (HOST, PORT, USER and PASSWORD as in the
# official image are accepted too).
set -euo pipefail

db_host=${DB_HOST:-${HOST:-db}}
db_port=${DB_PORT:-${PORT:-5432}}
db_user=${DB_USER:-${POSTGRES_USER:-odoo}}
db_password=${DB_PASSWORD:-${PASSWORD:-${POSTGRES_PASSWORD:-odoo}}}
database=${AFTERSALES_DB:-aftersales}
addons=${AFTERSALES_ADDONS:-aftersales_sop,aftersales_warranty,aftersales_kpi}

db_args=(--config=/etc/odoo/aftersales.conf
    --db_host="$db_host" --db_port="$db_port"
    --db_user="$db_user" --db_password="$db_password")

if [ "${1:-odoo}" != "odoo" ]; then
    exec "$@"
fi
shift || true

export PGPASSWORD="$db_password"
psql_args=(-h "$db_host" -p "$db_port" -U "$db_user" -d postgres -tA)
for attempt in $(seq 1 60); do
    if psql "${psql_args[@]}" -c "SELECT 1" >/dev/null 2>&1; then
        break
    fi
    [ "$attempt" -lt 60 ] || { echo "PostgreSQL at $db_host:$db_port does not answer" >&2; exit 1; }
    sleep 1
done

exists=$(psql "${psql_args[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [ "$exists" != "1" ]; then
    echo "creating database $database with $addons and demo data"
    odoo "${db_args[@]}" --database="$database" --init="$addons" --stop-after-init
fi

exec odoo "${db_args[@]}" --database="$database" --db-filter="^${database}\$" "$@"
