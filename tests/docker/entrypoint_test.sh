#!/bin/bash
# The decisions of docker/aftersales-entrypoint.sh, with stub commands on PATH
# (psql, odoo, click-odoo-initdb, click-odoo-update, click-odoo): a fresh
# database, an empty one, an interrupted first install, an installed one with
# nothing changed, with changed addons, after a base image bump, database
# errors, failed installs and upgrades, the passwords, subcommands and signals.
# Run by tests/test_docker.py (so by make test); needs bash and python3.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
entrypoint=$repo/docker/aftersales-entrypoint.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# -- the stubs ---------------------------------------------------------------------
# The fake server's state, in $STUB_STATE: "db" when the database exists,
# "tables" when Odoo's tables are in it, "missing" our addons not installed
# (comma-separated), "first_start_done" the parameter of the first-start
# settings, "changed" the installed modules whose files differ from the
# checksums click-odoo-update stored (one per line), "query_error" makes every
# query on the database fail. Every command is one line of "calls": its name
# and arguments; "environ" gets the passwords each command received.
mkdir -p "$work/bin"
cat >"$work/bin/psql" <<'EOF'
#!/bin/bash
# stub: "-c SELECT 1" is the ping; other queries come on stdin
echo "psql $*" >>"$STUB_STATE/calls"
for arg in "$@"; do
    if [ "$arg" = "SELECT 1" ]; then
        [ -e "$STUB_STATE/down" ] && { echo "could not connect to server" >&2; exit 2; }
        echo 1
        exit 0
    fi
done
sql=$(cat)
if [ -e "$STUB_STATE/query_error" ]; then
    echo 'ERROR:  permission denied for table ir_module_module' >&2
    exit 3
fi
case "$sql" in
    *pg_database*) [ -e "$STUB_STATE/db" ] && echo 1 || echo 0 ;;
    *to_regclass*) [ -e "$STUB_STATE/tables" ] && echo t || echo f ;;
    *unnest*) cat "$STUB_STATE/missing" 2>/dev/null || true ;;
    *ir_config_parameter*) [ -e "$STUB_STATE/first_start_done" ] && echo 1 || echo 0 ;;
    *) echo "stub psql: unexpected query $sql" >&2; exit 3 ;;
esac
EOF
# the maintenance commands: STUB_FAIL=<command name> makes it fail,
# STUB_HANG=<command name> makes it wait for a signal
cat >"$work/bin/stub-common" <<'EOF'
name=$(basename "$0")
echo "$name $*" >>"$STUB_STATE/calls"
echo "$name PGPASSWORD=${PGPASSWORD:-} ADMIN=${AFTERSALES_ADMIN_PASSWORD:-} LANG=${AFTERSALES_LANG:-} TZ=${AFTERSALES_TZ:-} DEMO=${AFTERSALES_DEMO:-} ODOO_RC=${ODOO_RC:-}" >>"$STUB_STATE/environ"
if [ "${STUB_FAIL:-}" = "$name" ]; then
    echo "$name: psycopg2.errors.UndefinedColumn: the error of the stub" >&2
    exit 1
fi
if [ "${STUB_HANG:-}" = "$name" ]; then
    trap 'echo "$name stopped by TERM" >>"$STUB_STATE/calls"; exit 143' TERM
    echo $$ >"$STUB_STATE/hanging"
    while :; do sleep 0.1; done
fi
EOF
cat >"$work/bin/click-odoo-initdb" <<'EOF'
#!/bin/bash
. "$(dirname "$0")/stub-common"
touch "$STUB_STATE/db" "$STUB_STATE/tables"
: >"$STUB_STATE/missing"
EOF
cat >"$work/bin/odoo" <<'EOF'
#!/bin/bash
. "$(dirname "$0")/stub-common"
case " $* " in
    *" --init="*) : >"$STUB_STATE/missing" ;;
esac
exit 0
EOF
cat >"$work/bin/click-odoo-update" <<'EOF'
#!/bin/bash
# what click-odoo-update does: upgrade the installed modules whose checksum
# changed, then store the new checksums
. "$(dirname "$0")/stub-common"
if [ -s "$STUB_STATE/changed" ]; then
    echo "Updating addons for their hash changed: $(paste -sd, "$STUB_STATE/changed")" >&2
    echo "updated $(paste -sd, "$STUB_STATE/changed")" >>"$STUB_STATE/calls"
    : >"$STUB_STATE/changed"
else
    echo "No module needs updating, update is not performed." >&2
fi
EOF
cat >"$work/bin/click-odoo" <<'EOF'
#!/bin/bash
. "$(dirname "$0")/stub-common"
touch "$STUB_STATE/first_start_done"
EOF
chmod +x "$work/bin/"*

# -- helpers -----------------------------------------------------------------------
state=""
new_state() {
    state=$(mktemp -d "$work/state.XXXX")
    touch "$state/calls" "$state/environ"
    mkdir "$state/runtime"
    printf '[options]\ndb_name = aftersales\n' >"$state/odoo.conf"
}
installed_state() {
    new_state
    touch "$state/db" "$state/tables" "$state/first_start_done"
}

# (exec: run in the background, its pid is the entrypoint's)
environ() {
    exec env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work" STUB_STATE="$state" \
        ODOO_RC="$state/odoo.conf" AFTERSALES_RUNTIME_DIR="$state/runtime" \
        AFTERSALES_LIB="$repo/docker" "${env_extra[@]}" "$@"
}

# run the entrypoint with the stubs; its exit status in $status, output in $out
run() {
    out=$(environ bash "$entrypoint" "$@" 2>&1)
    status=$?
}

# run it in the background until it says $1, then send it SIGTERM; its
# output in $out, "alive" set when it was still running when told to stop
run_until() {
    local expected=$1 pid
    shift
    environ bash "$entrypoint" "$@" >"$state/out" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        grep -q -- "$expected" "$state/out" && break
        [ -e "$state/hanging" ] && [ "$expected" = "<hanging>" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    alive=""
    kill -0 "$pid" 2>/dev/null && alive=1
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null
        [ -e "$state/hanging" ] && kill -KILL "$(cat "$state/hanging")" 2>/dev/null
        echo "still running 10 s after SIGTERM" >>"$state/out"
    fi
    status=0
    wait "$pid" || status=$?
    out=$(cat "$state/out")
}

calls() { grep -v '^psql ' "$state/calls"; }
call() { calls | sed -n "${1}p"; }
count_calls() { calls | grep -c .; }
calls_of() { calls | grep "^$1 " || true; }

check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name"
        echo "  exit status: $status"
        echo "  calls:"
        sed 's/^/    /' "$state/calls"
        echo "  output:"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

has() { [[ " $1 " == *" $2 "* ]]; }
starts() { [[ "$1" == "$2"* ]]; }
lacks() { ! has "$@"; }
ADDONS=aftersales_sop,aftersales_warranty,aftersales_kpi
SERVE_DB="--database=aftersales"
FILTER="--db-filter=^aftersales\$"

serves() {
    local line=$1
    [[ "$line" == "odoo "* ]] && has "$line" "$SERVE_DB" && has "$line" "$FILTER" &&
        lacks "$line" --stop-after-init
}
no_init() { ! calls | grep -q -- "--init"; }
last_serves() { serves "$(calls | tail -n 1)"; }
served() { calls | grep -q -- "$FILTER"; }
not_served() { ! served; }

# -- the situations ----------------------------------------------------------------
env_extra=()

# 1. fresh: no database -> click-odoo-initdb, first-start settings, update, serve
new_state
run
check "fresh: exits 0 (serving)" [ "$status" -eq 0 ]
check "fresh: click-odoo-initdb first" starts "$(call 1)" "click-odoo-initdb "
check "fresh: creates our database" has "$(call 1)" "--new-database=aftersales"
check "fresh: with our addons" has "$(call 1)" "--modules=$ADDONS"
check "fresh: with demo data" has "$(call 1)" --demo
check "fresh: no template cache" has "$(call 1)" --no-cache
check "fresh: initializes an empty database too" has "$(call 1)" --unless-initialized
check "fresh: then the first-start settings" [ "$(call 2)" = "click-odoo --database=aftersales $repo/docker/aftersales-first-start.py" ]
check "fresh: Chinese and Shanghai time by default" grep -q "^click-odoo .*LANG=zh_CN TZ=Asia/Shanghai DEMO=1" "$state/environ"
check "fresh: then click-odoo-update" starts "$(call 3)" "click-odoo-update --database=aftersales "
check "fresh: then serves" serves "$(call 4)"
check "fresh: four commands" [ "$(count_calls)" -eq 4 ]
check "fresh: never odoo --init" no_init

# 2. fresh without demo data; another language
new_state
env_extra=(AFTERSALES_DEMO=0 AFTERSALES_LANG=en_US)
run
check "AFTERSALES_DEMO=0: without demo data" has "$(call 1)" --no-demo
check "AFTERSALES_DEMO=0: the script is told (it generates the admin password)" grep -q "^click-odoo .*LANG=en_US TZ=Asia/Shanghai DEMO=0" "$state/environ"
env_extra=()

# 3. the database exists without Odoo's tables (stopped before base was in)
new_state
touch "$state/db"
run
check "empty database: click-odoo-initdb initializes it" has "$(call 1)" --unless-initialized
check "empty database: then serves" last_serves

# 4. interrupted: Odoo's tables are there, kpi is not installed -> install it alone
new_state
touch "$state/db" "$state/tables"
echo aftersales_kpi >"$state/missing"
run
check "interrupted: exits 0" [ "$status" -eq 0 ]
check "interrupted: --init of the missing addon only" has "$(call 1)" "--init=aftersales_kpi"
check "interrupted: the install stops after it" has "$(call 1)" --stop-after-init
check "interrupted: no click-odoo-initdb" [ -z "$(calls_of click-odoo-initdb)" ]
check "interrupted: no installed addon given to --init" [ "$(calls | grep -c -- '--init=.*aftersales_sop')" -eq 0 ]
check "interrupted: first-start settings" [ -n "$(calls_of click-odoo)" ]
check "interrupted: update, then serve" starts "$(call 3)" "click-odoo-update "
check "interrupted: serves" last_serves
check "interrupted: says so" grep -q "not installed" <<<"$out"

# 5. installed, nothing changed: update (a no-op), serve; nothing else
installed_state
run
check "installed, no change: exits 0" [ "$status" -eq 0 ]
check "installed, no change: two commands" [ "$(count_calls)" -eq 2 ]
check "installed, no change: click-odoo-update" starts "$(call 1)" "click-odoo-update "
check "installed, no change: it upgrades nothing" grep -q "No module needs updating" <<<"$out"
check "installed, no change: serves" serves "$(call 2)"
check "installed, no change: never --init" no_init
check "installed, no change: no first-start settings again" [ -z "$(calls_of click-odoo)" ]

# 6. installed, our addons changed: click-odoo-update upgrades them
installed_state
echo aftersales_sop >"$state/changed"
run
check "changed addons: upgraded" grep -q "^updated aftersales_sop$" "$state/calls"
check "changed addons: translations reloaded" has "$(call 1)" --i18n-overwrite
check "changed addons: then serves" serves "$(call 3)"
check "changed addons: never --init" no_init

# 7. a new base image: Odoo's modules and helpdesk_mgmt changed; none ignored
installed_state
printf '%s\n' base stock web helpdesk_mgmt >"$state/changed"
run
check "base image bump: Odoo's and OCA's modules upgraded" grep -q "^updated base,stock,web,helpdesk_mgmt$" "$state/calls"
check "base image bump: core addons not ignored" lacks "$(call 1)" --ignore-core-addons
check "base image bump: no forced full upgrade" lacks "$(call 1)" --update-all
check "base image bump: serves" last_serves
check "base image bump: never --init" no_init

# 8. AFTERSALES_I18N_OVERWRITE=0 keeps the database's translations
installed_state
env_extra=(AFTERSALES_I18N_OVERWRITE=0)
run
check "AFTERSALES_I18N_OVERWRITE=0: no --i18n-overwrite" lacks "$(call 1)" --i18n-overwrite
env_extra=()

# 9. installed but the first-start settings never made (stopped right after
# the install): made now, no install
new_state
touch "$state/db" "$state/tables"
run
check "settings pending: made" starts "$(call 1)" "click-odoo "
check "settings pending: no install" [ -z "$(calls_of click-odoo-initdb)" ]
check "settings pending: never --init" no_init
check "settings pending: serves" last_serves

# 10. a database error: shown, nothing installed or served, exit 1
installed_state
touch "$state/query_error"
run
check "database error: exits 1" [ "$status" -eq 1 ]
check "database error: PostgreSQL's message shown" grep -q "permission denied" <<<"$out"
check "database error: says nothing was done" grep -q "nothing is installed or upgraded" <<<"$out"
check "database error: no command run" [ "$(count_calls)" -eq 0 ]

# 11. PostgreSQL never answers: its error, nothing run
new_state
touch "$state/down"
env_extra=(AFTERSALES_DB_WAIT=1)
run
check "PostgreSQL down: exits 1" [ "$status" -eq 1 ]
check "PostgreSQL down: says so, with the reason" grep -q "does not answer after 1s: could not connect" <<<"$out"
check "PostgreSQL down: no command run" [ "$(count_calls)" -eq 0 ]
env_extra=()

# 12. a failed first install: its error shown, Odoo not served, and the
# container stays up instead of exiting into the restart policy's loop
new_state
env_extra=(STUB_FAIL=click-odoo-initdb)
run_until "Odoo is not started"
check "failed install: still running when stopped" [ -n "$alive" ]
check "failed install: the error shown" grep -q "the error of the stub" <<<"$out"
check "failed install: says so" grep -q "the first install failed" <<<"$out"
check "failed install: not served" not_served
check "failed install: no upgrade either" [ -z "$(calls_of click-odoo-update)" ]
check "failed install: stops at SIGTERM" [ "$status" -eq 0 ]
env_extra=()

# 13. a failed upgrade: the same, the old database is not served half-upgraded
installed_state
echo aftersales_sop >"$state/changed"
env_extra=(STUB_FAIL=click-odoo-update)
run_until "Odoo is not started"
check "failed upgrade: still running" [ -n "$alive" ]
check "failed upgrade: says so" grep -q "the upgrade failed" <<<"$out"
check "failed upgrade: not served" not_served
env_extra=()

# 14. SIGTERM during the first install reaches it; nothing served after it
new_state
env_extra=(STUB_HANG=click-odoo-initdb)
run_until "<hanging>"
check "SIGTERM during install: the install is stopped" grep -q "click-odoo-initdb stopped by TERM" "$state/calls"
check "SIGTERM during install: exits 143" [ "$status" -eq 143 ]
check "SIGTERM during install: nothing served" not_served
env_extra=()

# 15. the passwords: from files (Docker secrets), never on a command line
new_state
printf 'db-secret-1\n' >"$state/pgpass"
printf 'admin-secret-2' >"$state/adminpass"
printf 'master-secret-3' >"$state/masterpass"
env_extra=(PGPASSWORD_FILE="$state/pgpass" AFTERSALES_ADMIN_PASSWORD_FILE="$state/adminpass"
    AFTERSALES_MASTER_PASSWORD_FILE="$state/masterpass")
run
check "secrets: the database password reaches every command" [ "$(grep -c "PGPASSWORD=db-secret-1 " "$state/environ")" -eq 4 ]
check "secrets: the admin password reaches the first-start settings" grep -q "^click-odoo .*ADMIN=admin-secret-2 " "$state/environ"
check "secrets: on no command line" [ "$(grep -c -- "-secret-" "$state/calls")" -eq 0 ]
check "secrets: not printed" [ "$(grep -c -- "-secret-" <<<"$out")" -eq 0 ]
hash=$(sed -n 's/^admin_passwd = //p' "$state/runtime/odoo.conf")
check "master password: served with a configuration that has it hashed" grep -q "^odoo .*ODOO_RC=$state/runtime/odoo.conf$" "$state/environ"
check "master password: pbkdf2-sha512" starts "$hash" "\$pbkdf2-sha512\$600000\$"
check "master password: the configuration keeps its options" grep -q "^db_name = aftersales" "$state/runtime/odoo.conf"
check "master password: only the odoo user reads it" [ "$(stat -c %a "$state/runtime/odoo.conf")" = 600 ]
check "master password: the hash is the given password's" python3 -c "
import importlib.util, sys
spec = importlib.util.spec_from_file_location('h', '$repo/docker/aftersales-hash-password.py')
h = importlib.util.module_from_spec(spec); spec.loader.exec_module(h)
_, _, rounds, salt, _ = sys.argv[1].split('\$')
salt = h.base64.b64decode(salt.replace('.', '+') + '=' * (-len(salt) % 4))
sys.exit(h.pbkdf2_sha512('master-secret-3', salt, int(rounds)) != sys.argv[1])
" "$hash"
env_extra=()

# 16. no master password given: generated once, printed once, kept
new_state
touch "$state/db" "$state/tables" "$state/first_start_done"
run
check "generated master password: printed" grep -q "generated master password" <<<"$out"
first_hash=$(sed -n 's/^admin_passwd = //p' "$state/runtime/odoo.conf")
run
check "generated master password: not printed again" [ "$(grep -c "generated master password" <<<"$out")" -eq 0 ]
check "generated master password: kept" [ "$(sed -n 's/^admin_passwd = //p' "$state/runtime/odoo.conf")" = "$first_hash" ]

# 17. a secret file that cannot be read stops the start
new_state
env_extra=(PGPASSWORD_FILE="$state/nowhere")
run
check "unreadable secret: exits 1" [ "$status" -eq 1 ]
check "unreadable secret: says which" grep -q "PGPASSWORD_FILE names" <<<"$out"
env_extra=()

# 18. another database name
new_state
env_extra=(AFTERSALES_DB=acme)
run
check "AFTERSALES_DB: created" has "$(call 1)" --new-database=acme
check "AFTERSALES_DB: upgraded" has "$(call 3)" --database=acme
check "AFTERSALES_DB: serves only it" has "$(call 4)" "--db-filter=^acme\$"
env_extra=()

# 19. a subcommand goes first; no install, no upgrade
new_state
run odoo shell -d aftersales
check "subcommand: one call" [ "$(count_calls)" -eq 1 ]
check "subcommand: goes first" [ "$(call 1)" = "odoo shell -d aftersales" ]
check "subcommand: gets the connection from the environment" grep -q "^odoo PGPASSWORD=odoo " "$state/environ"

# 20. options only: a server with them, after ours (they win)
installed_state
run --dev=all
check "options: served with them" has "$(calls | tail -n 1)" --dev=all
check "options: after ours" [ "$(calls | tail -n 1 | awk '{print $NF}')" = "--dev=all" ]

# 21. any other command runs as it is, with the secrets read
new_state
printf 'db-secret-4' >"$state/pgpass"
env_extra=(PGPASSWORD_FILE="$state/pgpass")
run bash -c 'echo "plain command $PGPASSWORD"'
check "other command: runs with the password" grep -q "plain command db-secret-4" <<<"$out"
check "other command: nothing else" [ "$(count_calls)" -eq 0 ]
env_extra=()

echo "entrypoint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
