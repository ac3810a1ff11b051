#!/bin/bash
# Run once by the postgres image, when it creates its data directory
# (/docker-entrypoint-initdb.d): the role Odoo connects as. Not a superuser:
# it may log in and create databases (the entrypoint creates the after-sales
# database, which it then owns), nothing more.
#
# ODOO_DB_USER (default odoo) and its password, ODOO_DB_PASSWORD or the file
# named by ODOO_DB_PASSWORD_FILE (a Docker secret). psql reads both from its
# environment (\getenv): no password on a command line.
set -euo pipefail

if [ -n "${ODOO_DB_PASSWORD_FILE:-}" ]; then
    ODOO_DB_PASSWORD=$(cat "$ODOO_DB_PASSWORD_FILE")
fi
if [ -z "${ODOO_DB_PASSWORD:-}" ]; then
    echo "10-odoo-role.sh: set ODOO_DB_PASSWORD or ODOO_DB_PASSWORD_FILE" >&2
    exit 1
fi
export ODOO_DB_USER=${ODOO_DB_USER:-odoo} ODOO_DB_PASSWORD

psql -X -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" \
    --dbname "${POSTGRES_DB:-postgres}" <<'SQL'
\getenv odoo_user ODOO_DB_USER
\getenv odoo_password ODOO_DB_PASSWORD
CREATE ROLE :"odoo_user" LOGIN CREATEDB NOSUPERUSER NOCREATEROLE
    PASSWORD :'odoo_password';
SQL
echo "10-odoo-role.sh: created the role $ODOO_DB_USER (login, createdb, no superuser)"
