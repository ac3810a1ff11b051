#!/bin/bash
# Entrypoint of the after-sales image (docker/Dockerfile).
#
# Serving (the default command, "odoo", or options only):
#   1. wait until PostgreSQL answers;
#   2. unless the addons of AFTERSALES_ADDONS are all installed in AFTERSALES_DB
#      (state "installed" in ir_module_module), install them, with demo data
#      unless AFTERSALES_DEMO=0. A first start that was interrupted (Ctrl-C, a
#      crash, a restart) is resumed the same way on the next start;
#   3. with AFTERSALES_UPDATE=1, upgrade the installed addons first;
#   4. serve AFTERSALES_DB (Odoo replaces this script: it gets the signals).
# An Odoo subcommand goes first, as in the official image's entrypoint
# ("odoo shell", "odoo scaffold ..."); any other command is run as it is.
#
# PostgreSQL: the libpq variables PGHOST, PGPORT, PGUSER and PGPASSWORD
# (defaults db, 5432, odoo, odoo); they are exported, so psql and Odoo use them
# too. The Odoo configuration is ODOO_RC (/etc/odoo/aftersales.conf).
set -euo pipefail

export PGHOST=${PGHOST:-db}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-odoo}
export PGPASSWORD=${PGPASSWORD:-odoo}
export ODOO_RC=${ODOO_RC:-/etc/odoo/aftersales.conf}
database=${AFTERSALES_DB:-aftersales}
addons=${AFTERSALES_ADDONS:-aftersales_sop,aftersales_warranty,aftersales_kpi}
wait_seconds=${AFTERSALES_DB_WAIT:-60}

db_args=(--db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" --db_password="$PGPASSWORD")

say() { echo "aftersales-entrypoint: $*" >&2; }

wait_for_postgres() {
    local attempt
    for ((attempt = 1; ; attempt++)); do
        if psql -X -d postgres -tA -c "SELECT 1" >/dev/null 2>&1; then
            return 0
        fi
        if ((attempt >= wait_seconds)); then
            say "PostgreSQL at $PGHOST:$PGPORT does not answer after ${wait_seconds}s"
            return 1
        fi
        sleep 1
    done
}

# psql reads the query on its standard input so that :'name' is quoted by psql.
query() {
    local dbname=$1 sql=$2
    printf '%s\n' "$sql" | psql -X -q -tA -v ON_ERROR_STOP=1 \
        -v db="$database" -v addons="$addons" -d "$dbname" 2>/dev/null
}

database_exists() {
    [ "$(query postgres "SELECT 1 FROM pg_database WHERE datname = :'db';")" = "1" ]
}

# How many of our addons are installed; 0 when the database has no Odoo tables yet.
installed_count() {
    query "$database" "SELECT count(*) FROM ir_module_module
        WHERE state = 'installed' AND name = ANY(string_to_array(:'addons', ','));" ||
        echo 0
}

# Run Odoo as a child and pass SIGTERM/SIGINT on to it: bash does not forward
# them by itself, and a stop during a long install must stop Odoo too.
child=""
stopping=""
on_signal() {
    stopping=1
    if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null || true
    fi
}
trap on_signal TERM INT

run_odoo() {
    local status=0
    odoo "$@" &
    child=$!
    wait "$child" || status=$?
    while kill -0 "$child" 2>/dev/null; do
        status=0
        wait "$child" || status=$?
    done
    child=""
    if [ -n "$stopping" ]; then
        say "stopped; the next start goes on where this one stopped"
        exit 143
    fi
    return "$status"
}

# install (--init) or upgrade (--update) our addons, then stop
maintain() {
    local action=$1
    local args=("${db_args[@]}" --database="$database" "--$action=$addons"
        --stop-after-init --no-http)
    if [ "${AFTERSALES_DEMO:-1}" = "0" ]; then
        args+=(--without-demo=all)
    fi
    run_odoo "${args[@]}" || {
        say "odoo --$action=$addons on $database failed (see above);" \
            "the next start tries again"
        exit 1
    }
}

case "${1:-odoo}" in
    -- | odoo)
        shift || true
        ;;
    -*) ;;
    *)
        exec "$@"
        ;;
esac

# an Odoo subcommand (shell, scaffold, db, ...) goes first, as in the official image
if [ $# -gt 0 ] && [[ "$1" != -* ]] && [ "$1" != "server" ]; then
    if [ "$1" = "scaffold" ] || [ "$1" = "help" ]; then
        exec odoo "$@"
    fi
    wait_for_postgres
    exec odoo "$@" "${db_args[@]}"
fi
if [ "${1:-}" = "server" ]; then
    shift
fi

wait_for_postgres
expected=$(tr ',' '\n' <<<"$addons" | grep -c .)
if ! database_exists; then
    say "first start: creating $database with $addons; this takes several minutes"
    maintain init
elif [ "$(installed_count)" != "$expected" ]; then
    say "$database exists but $addons are not all installed (an interrupted" \
        "first start?): installing them, going on where it stopped"
    maintain init
elif [ "${AFTERSALES_UPDATE:-0}" = "1" ]; then
    say "AFTERSALES_UPDATE=1: upgrading $addons in $database"
    maintain update
fi

trap - TERM INT
exec odoo "${db_args[@]}" --database="$database" --db-filter="^${database}\$" "$@"
