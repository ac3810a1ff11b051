#!/bin/bash
# Entrypoint of the after-sales image (docker/Dockerfile).
#
# Serving (the default command, "odoo", or options only):
#   1. the passwords: each of PGPASSWORD, AFTERSALES_ADMIN_PASSWORD and
#      AFTERSALES_MASTER_PASSWORD comes from the environment or from the file
#      named by the same variable with _FILE appended (a Docker secret); none is
#      ever put on a command line (ps shows command lines to every user);
#   2. wait until PostgreSQL answers; then read the state of AFTERSALES_DB. Any
#      error of that query stops the start with PostgreSQL's message: a database
#      that cannot be read is never taken for a missing one;
#   3. no database, or one without Odoo's tables: OCA's click-odoo-initdb
#      creates it with AFTERSALES_ADDONS (demo data unless AFTERSALES_DEMO=0);
#      a database where Odoo runs but some of our addons are not installed (a
#      first start that was stopped half-way): odoo --init of those addons
#      only. No addon that is installed is ever given to --init: --init would
#      rewrite its noupdate records (tuned clock limits, penalty rules,
#      targets);
#   4. once per database, the first-start settings (docker/aftersales-first-start.py
#      through click-odoo): AFTERSALES_LANG (default zh_CN) loaded and set, with
#      AFTERSALES_TZ (default Asia/Shanghai), for the internal users; the admin
#      password when one is given, and without demo data a generated one,
#      printed once, when admin still has Odoo's default "admin";
#   5. every start: OCA's click-odoo-update upgrades each installed module whose
#      files changed since the last start (checksums kept in the database):
#      nothing when nothing changed; ours, helpdesk_mgmt, or Odoo's own after a
#      new base image. Translations of the upgraded modules are reloaded over
#      the database's (AFTERSALES_I18N_OVERWRITE=0 keeps the database's);
#   6. the master password (admin_passwd of the configuration, which guards the
#      database service): AFTERSALES_MASTER_PASSWORD, else the one kept in the
#      data volume, else a generated one, printed once; then Odoo serves
#      AFTERSALES_DB (it replaces this script: it gets the signals).
# A failed install, first-start setting or upgrade prints Odoo's error and
# leaves the container up without serving (unhealthy), so that the restart
# policy does not run it again and again; "docker compose restart odoo" tries
# again. A database that does not answer or errors stops the start (exit 1).
#
# An Odoo subcommand goes first, as in the official image's entrypoint
# ("odoo shell", "odoo scaffold ..."); any other command is run as it is, with
# the same environment.
#
# PostgreSQL: the libpq variables PGHOST, PGPORT, PGUSER and PGPASSWORD
# (defaults db, 5432, odoo, odoo); exported, so psql, Odoo and the click-odoo
# scripts connect with them. The Odoo configuration is ODOO_RC; the one served
# is a copy with admin_passwd added (AFTERSALES_RUNTIME_DIR).
set -euo pipefail

say() { echo "aftersales-entrypoint: $*" >&2; }

# VAR from the environment, else from the file named by VAR_FILE
read_secret() {
    local name=$1 file_var="${1}_FILE"
    local file=${!file_var:-}
    if [ -n "$file" ]; then
        if [ ! -r "$file" ]; then
            say "$file_var names $file, which cannot be read"
            exit 1
        fi
        printf -v "$name" '%s' "$(cat "$file")"
        export "${name?}"
    fi
    unset "$file_var"
}

read_secret PGPASSWORD
read_secret AFTERSALES_ADMIN_PASSWORD
read_secret AFTERSALES_MASTER_PASSWORD
export PGHOST=${PGHOST:-db}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-odoo}
# "odoo" when none is given; an empty secret stays empty (and fails to connect)
export PGPASSWORD=${PGPASSWORD-odoo}
export ODOO_RC=${ODOO_RC:-/etc/odoo/aftersales.conf}
export AFTERSALES_LANG=${AFTERSALES_LANG:-zh_CN}
export AFTERSALES_TZ=${AFTERSALES_TZ:-Asia/Shanghai}
export AFTERSALES_DEMO=${AFTERSALES_DEMO:-1}
database=${AFTERSALES_DB:-aftersales}
addons=${AFTERSALES_ADDONS:-aftersales_sop,aftersales_warranty,aftersales_kpi}
wait_seconds=${AFTERSALES_DB_WAIT:-60}
runtime_dir=${AFTERSALES_RUNTIME_DIR:-/var/lib/odoo/aftersales}
# the python scripts of docker/ (Dockerfile)
lib_dir=${AFTERSALES_LIB:-/usr/local/lib/aftersales}
first_start_param=aftersales_sop.first_start_done

wait_for_postgres() {
    local attempt error
    for ((attempt = 1; ; attempt++)); do
        if error=$(psql -X -d postgres -tA -c "SELECT 1" 2>&1 >/dev/null); then
            return 0
        fi
        if ((attempt >= wait_seconds)); then
            say "PostgreSQL at $PGHOST:$PGPORT as $PGUSER does not answer after" \
                "${wait_seconds}s: $error"
            return 1
        fi
        sleep 1
    done
}

# psql reads the query on its standard input so that :'name' is quoted by psql;
# its errors go to our standard error and fail the caller
query() {
    local dbname=$1 sql=$2
    printf '%s\n' "$sql" | psql -X -q -tA -v ON_ERROR_STOP=1 \
        -v db="$database" -v addons="$addons" -v param="$first_start_param" \
        -d "$dbname"
}

# absent | empty (no Odoo tables) | partial:<our addons not installed> |
# installed (all ours installed) followed by " done" once the first-start
# settings were made
database_state() {
    local exists initialized missing settings
    exists=$(query postgres \
        "SELECT count(*) FROM pg_database WHERE datname = :'db';") || return 1
    if [ "$exists" = "0" ]; then
        echo absent
        return
    fi
    initialized=$(query "$database" \
        "SELECT to_regclass('public.ir_module_module') IS NOT NULL;") || return 1
    if [ "$initialized" != "t" ]; then
        echo empty
        return
    fi
    missing=$(query "$database" "SELECT string_agg(name, ',' ORDER BY name)
        FROM unnest(string_to_array(:'addons', ',')) AS name
        WHERE name NOT IN (SELECT m.name FROM ir_module_module m
                           WHERE m.state = 'installed');") || return 1
    if [ -n "$missing" ]; then
        echo "partial:$missing"
        return
    fi
    settings=$(query "$database" \
        "SELECT count(*) FROM ir_config_parameter WHERE key = :'param';") || return 1
    if [ "$settings" = "0" ]; then
        echo installed
    else
        echo "installed done"
    fi
}

# Run a maintenance command as a child and pass SIGTERM/SIGINT on to it: bash
# does not forward them by itself, and a stop during a long install must stop
# it too.
child=""
stopping=""
on_signal() {
    stopping=1
    if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null || true
    fi
}
trap on_signal TERM INT

run_child() {
    local status=0
    "$@" &
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

# A failed maintenance step: its error is above; stay up without serving until
# someone restarts the container (exiting would make the restart policy run
# the same failing step again and again).
halt() {
    local sleeper=""
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM INT
    say "$1 failed (its error is above): Odoo is not started."
    say "Fix the cause, then: docker compose restart odoo (or up -d)."
    while :; do
        sleep 3600 &
        sleeper=$!
        wait "$sleeper" || true
    done
}

maintain() {
    local what=$1
    shift
    run_child "$@" || halt "$what"
}

demo_flag() {
    if [ "${AFTERSALES_DEMO:-1}" = "0" ]; then
        echo --no-demo
    else
        echo --demo
    fi
}

# the script reads AFTERSALES_LANG, AFTERSALES_TZ, AFTERSALES_DEMO and
# AFTERSALES_ADMIN_PASSWORD from its environment
first_start() {
    maintain "the first-start settings" click-odoo --database="$database" \
        "$lib_dir/aftersales-first-start.py"
}

# admin_passwd of the configuration Odoo serves with: a pbkdf2-sha512 hash
# (passlib's format, which Odoo checks) kept in the data volume
master_password_hash() {
    local stored="$runtime_dir/master_password.hash" password
    mkdir -p "$runtime_dir"
    if [ -n "${AFTERSALES_MASTER_PASSWORD:-}" ]; then
        password=$AFTERSALES_MASTER_PASSWORD
    elif [ -s "$stored" ]; then
        cat "$stored"
        return
    else
        password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
        say "generated master password (database service; shown once):" \
            "$password"
    fi
    (umask 077 && printf '%s' "$password" |
        python3 "$lib_dir/aftersales-hash-password.py" >"$stored.new" &&
        mv "$stored.new" "$stored")
    cat "$stored"
}

runtime_config() {
    local hash config="$runtime_dir/odoo.conf"
    hash=$(master_password_hash)
    (umask 077 && {
        cat "$ODOO_RC"
        printf '\n; added by the entrypoint: the master password (hashed)\n'
        printf 'admin_passwd = %s\n' "$hash"
    } >"$config")
    echo "$config"
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
    exec odoo "$@"
fi
if [ "${1:-}" = "server" ]; then
    shift
fi

wait_for_postgres
if ! state=$(database_state); then
    say "could not read the state of database $database (PostgreSQL's error" \
        "is above): nothing is installed or upgraded; stopping"
    exit 1
fi
case "$state" in
    absent | empty)
        say "first start: creating $database with $addons ($(demo_flag));" \
            "this takes several minutes"
        maintain "the first install" click-odoo-initdb --new-database="$database" \
            --modules="$addons" "$(demo_flag)" --no-cache --unless-initialized \
            --log-level=info
        first_start
        ;;
    partial:*)
        missing=${state#partial:}
        say "$database exists but $missing not installed (a first start that" \
            "was stopped?): installing only those, going on where it stopped"
        without_demo=()
        if [ "${AFTERSALES_DEMO:-1}" = "0" ]; then
            without_demo=(--without-demo=all)
        fi
        maintain "the install of $missing" odoo --database="$database" \
            --init="$missing" "${without_demo[@]}" --stop-after-init --no-http
        first_start
        ;;
    installed)
        first_start
        ;;
esac

update_args=(--database="$database" --log-level=info)
if [ "${AFTERSALES_I18N_OVERWRITE:-1}" != "0" ]; then
    update_args+=(--i18n-overwrite)
fi
maintain "the upgrade" click-odoo-update "${update_args[@]}"

trap - TERM INT
ODOO_RC=$(runtime_config)
export ODOO_RC
exec odoo --database="$database" --db-filter="^${database}\$" "$@"
