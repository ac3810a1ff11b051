#!/bin/bash
# The decisions of docker/aftersales-entrypoint.sh, with stub "odoo" and "psql"
# commands on PATH: a fresh database, an interrupted first install, installed
# addons, an upgrade asked with AFTERSALES_UPDATE=1, subcommands and signals.
# Run by tests/test_docker.py (so by make test); needs bash only.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
entrypoint=$(cd "$here/../.." && pwd)/docker/aftersales-entrypoint.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# -- the stubs ---------------------------------------------------------------------
# State of the fake server, in $STUB_STATE: "db" exists when the database does;
# "installed" holds how many of our addons ir_module_module says are installed
# (no file: the database has no Odoo tables yet). Every odoo call is one line of
# "calls" (its arguments joined by spaces).
mkdir -p "$work/bin"
cat >"$work/bin/psql" <<'EOF'
#!/bin/bash
# stub: "-c SELECT 1" is the ping; other queries come on stdin
for arg in "$@"; do
    if [ "$arg" = "SELECT 1" ]; then
        [ -e "$STUB_STATE/down" ] && exit 2
        echo 1
        exit 0
    fi
done
sql=$(cat)
case "$sql" in
    *pg_database*) [ -e "$STUB_STATE/db" ] && echo 1; exit 0 ;;
    *ir_module_module*)
        [ -e "$STUB_STATE/installed" ] || { echo "relation does not exist" >&2; exit 1; }
        cat "$STUB_STATE/installed"
        exit 0 ;;
esac
echo "stub psql: unexpected query $sql" >&2
exit 3
EOF
cat >"$work/bin/odoo" <<'EOF'
#!/bin/bash
echo "$*" >>"$STUB_STATE/calls"
case " $* " in
    *" --init="*)
        case "${STUB_INSTALL:-ok}" in
            fail) exit 1 ;;
            hang)
                trap 'echo "odoo stopped by TERM" >>"$STUB_STATE/calls"; exit 143' TERM
                echo $$ >"$STUB_STATE/installing"
                while :; do sleep 0.1; done ;;
        esac
        touch "$STUB_STATE/db"
        echo 3 >"$STUB_STATE/installed" ;;
esac
exit 0
EOF
chmod +x "$work/bin/psql" "$work/bin/odoo"

# -- helpers -----------------------------------------------------------------------
state=""
new_state() {
    state=$(mktemp -d "$work/state.XXXX")
    touch "$state/calls"
}

# run the entrypoint with the stubs; its exit status in $status, output in $out
run() {
    out=$(env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work" STUB_STATE="$state" \
        ODOO_RC="$work/aftersales.conf" "${env_extra[@]}" \
        bash "$entrypoint" "$@" 2>&1)
    status=$?
}

calls() { cat "$state/calls"; }
call() { sed -n "${1}p" "$state/calls"; }
count_calls() { grep -c . "$state/calls"; }

check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name"
        echo "  exit status: $status"
        echo "  odoo calls:"
        sed 's/^/    /' "$state/calls"
        echo "  output:"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

has() { [[ " $1 " == *" $2 "* ]]; }
lacks() { ! has "$@"; }
ADDONS=aftersales_sop,aftersales_warranty,aftersales_kpi
INIT="--init=$ADDONS"
UPDATE="--update=$ADDONS"
SERVE_DB="--database=aftersales"
FILTER="--db-filter=^aftersales\$"

serves() {
    local line=$1
    has "$line" "$SERVE_DB" && has "$line" "$FILTER" && lacks "$line" --stop-after-init
}

# -- the situations ----------------------------------------------------------------
env_extra=()

# 1. fresh: no database -> install with demo data, then serve
new_state
run
check "fresh database: exits 0" [ "$status" -eq 0 ]
check "fresh database: two odoo calls" [ "$(count_calls)" -eq 2 ]
check "fresh database: installs our addons first" has "$(call 1)" "$INIT"
check "fresh database: the install stops after init" has "$(call 1)" --stop-after-init
check "fresh database: the install opens no port" has "$(call 1)" --no-http
check "fresh database: the install is on our database" has "$(call 1)" "$SERVE_DB"
check "fresh database: with demo data" lacks "$(call 1)" --without-demo=all
check "fresh database: connection passed to odoo" has "$(call 1)" --db_host=db
check "fresh database: then serves it" serves "$(call 2)"

# 2. interrupted: the database exists, one addon of three installed -> resume
new_state
touch "$state/db"
echo 1 >"$state/installed"
run
check "interrupted install: exits 0" [ "$status" -eq 0 ]
check "interrupted install: installs again" has "$(call 1)" "$INIT"
check "interrupted install: then serves" serves "$(call 2)"
check "interrupted install: says so" grep -q "not all installed" <<<"$out"

# 2b. interrupted before Odoo created its tables: the query fails -> install
new_state
touch "$state/db"
run
check "database without Odoo tables: installs" has "$(call 1)" "$INIT"
check "database without Odoo tables: then serves" serves "$(call 2)"

# 3. installed: serve, install nothing
new_state
touch "$state/db"
echo 3 >"$state/installed"
run
check "installed: exits 0" [ "$status" -eq 0 ]
check "installed: one odoo call" [ "$(count_calls)" -eq 1 ]
check "installed: serves at once" serves "$(call 1)"
check "installed: no --init" lacks "$(call 1)" "$INIT"

# 4. upgrade requested: installed and AFTERSALES_UPDATE=1 -> -u, then serve
new_state
touch "$state/db"
echo 3 >"$state/installed"
env_extra=(AFTERSALES_UPDATE=1)
run
check "upgrade requested: upgrades first" has "$(call 1)" "$UPDATE"
check "upgrade requested: the upgrade stops after it" has "$(call 1)" --stop-after-init
check "upgrade requested: then serves" serves "$(call 2)"
check "upgrade requested: two calls" [ "$(count_calls)" -eq 2 ]

# 4b. AFTERSALES_UPDATE=1 on a fresh database installs (an upgrade has nothing to do)
new_state
run
check "upgrade on a fresh database: installs" has "$(call 1)" "$INIT"
check "upgrade on a fresh database: no upgrade" lacks "$(calls)" "$UPDATE"
env_extra=()

# 5. a failed install does not serve a half-installed database
new_state
env_extra=(STUB_INSTALL=fail)
run
check "failed install: exits non-zero" [ "$status" -ne 0 ]
check "failed install: does not serve" [ "$(count_calls)" -eq 1 ]
env_extra=()

# 6. without demo data
new_state
env_extra=(AFTERSALES_DEMO=0)
run
check "AFTERSALES_DEMO=0: installs without demo data" has "$(call 1)" --without-demo=all
env_extra=()

# 7. another database name
new_state
env_extra=(AFTERSALES_DB=acme)
run
check "AFTERSALES_DB: installs into it" has "$(call 1)" --database=acme
check "AFTERSALES_DB: serves only it" has "$(call 2)" "--db-filter=^acme\$"
env_extra=()

# 8. a subcommand goes first, then the connection; no install
new_state
run odoo shell -d aftersales
check "subcommand: one call" [ "$(count_calls)" -eq 1 ]
check "subcommand: goes first" [ "$(call 1 | cut -d' ' -f1-3)" = "shell -d aftersales" ]
check "subcommand: gets the connection" has "$(call 1)" --db_host=db
check "subcommand: installs nothing" lacks "$(call 1)" "$INIT"

# 9. options only: a server with them, after ours (they win)
new_state
touch "$state/db"
echo 3 >"$state/installed"
run --dev=all
check "options: served with them" has "$(call 1)" --dev=all
check "options: after ours" [ "$(call 1 | awk '{print $NF}')" = "--dev=all" ]

# 10. any other command runs as it is
new_state
run bash -c 'echo plain command'
check "other command: runs" grep -q "plain command" <<<"$out"
check "other command: no odoo" [ "$(count_calls)" -eq 0 ]

# 11. PostgreSQL never answers: a clear error, nothing run
new_state
touch "$state/down"
env_extra=(AFTERSALES_DB_WAIT=1)
run
check "PostgreSQL down: exits non-zero" [ "$status" -ne 0 ]
check "PostgreSQL down: says so" grep -q "does not answer" <<<"$out"
check "PostgreSQL down: no odoo" [ "$(count_calls)" -eq 0 ]
env_extra=()

# 12. SIGTERM during the install reaches Odoo, and nothing is served after it
new_state
env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work" STUB_STATE="$state" \
    ODOO_RC="$work/aftersales.conf" STUB_INSTALL=hang \
    bash "$entrypoint" >"$state/out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    [ -e "$state/installing" ] && break
    sleep 0.1
done
kill -TERM "$pid"
for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    # still running 10 s after SIGTERM: the signal was not passed on
    kill -KILL "$pid" "$(cat "$state/installing")" 2>/dev/null
    echo "the entrypoint was still running 10 s after SIGTERM" >>"$state/out"
fi
status=0
wait "$pid" || status=$?
out=$(cat "$state/out")
check "SIGTERM during install: odoo is stopped" grep -q "odoo stopped by TERM" "$state/calls"
check "SIGTERM during install: exits 143" [ "$status" -eq 143 ]
check "SIGTERM during install: nothing served" [ "$(grep -c -- "$FILTER" "$state/calls")" -eq 0 ]

echo "entrypoint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
