# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The PostgreSQL server the Odoo layer uses: started (or installed) when
none answers; databases created and dropped."""

import os
import shutil
import subprocess
import time

from .common import CACHE, say


def _run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


def _as_root(cmd):
    if os.geteuid() == 0:
        return cmd
    if shutil.which("sudo"):
        return ["sudo", "-n", *cmd]
    return cmd


def _as_postgres(cmd):
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    if shutil.which("sudo"):
        return ["sudo", "-n", "-u", "postgres", *cmd]
    return cmd


def pg_answers():
    return _run(["psql", "-X", "-d", "postgres", "-tAc", "select 1"]).returncode == 0


def ensure_postgres():
    """Make sure a PostgreSQL server answers and lets us create databases."""
    if shutil.which("psql") and pg_answers():
        return
    if any(os.environ.get(v) for v in ("PGHOST", "PGPORT")):
        raise SystemExit(
            "PostgreSQL at PGHOST/PGPORT does not answer: "
            + _run(["psql", "-X", "-d", "postgres", "-c", "select 1"]).stderr.strip()
        )
    if not shutil.which("pg_lsclusters"):
        say("no PostgreSQL server here: installing Debian's postgresql")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in (
            ["apt-get", "update", "-q"],
            ["apt-get", "install", "-y", "-q", "postgresql"],
        ):
            result = subprocess.run(_as_root(cmd), env=env, check=False)
            if result.returncode:
                raise SystemExit(
                    f"could not install PostgreSQL ({' '.join(cmd)} failed)"
                )
    clusters = [
        line.split()
        for line in _run(["pg_lsclusters", "--no-header"]).stdout.splitlines()
        if line.strip()
    ]
    if not clusters:
        version = max(os.listdir("/usr/lib/postgresql"), key=int)
        say(f"creating a PostgreSQL {version} cluster")
        _run(_as_root(["pg_createcluster", version, "main"]))
        clusters = [[version, "main", "", "down"]]
    version, name, *_rest = clusters[0]
    if "online" not in clusters[0]:
        say(f"starting PostgreSQL cluster {version}/{name}")
        result = _run(_as_root(["pg_ctlcluster", version, name, "start"]))
        if result.returncode:
            raise SystemExit(f"could not start PostgreSQL: {result.stderr.strip()}")
    for _attempt in range(30):
        if _run(["pg_isready", "-q"]).returncode == 0:
            break
        time.sleep(1)
    if not pg_answers():
        user = os.environ.get("PGUSER") or os.environ.get("USER") or "root"
        say(f"creating the PostgreSQL role {user}")
        _run(_as_postgres(["createuser", "--superuser", user]))
    if not pg_answers():
        raise SystemExit(
            "PostgreSQL runs but refuses us: "
            + _run(["psql", "-X", "-d", "postgres", "-c", "select 1"]).stderr.strip()
        )


def database_exists(name):
    out = _run(
        [
            "psql",
            "-X",
            "-d",
            "postgres",
            "-tAc",
            f"select 1 from pg_database where datname = '{name}'",
        ]
    )
    return out.stdout.strip() == "1"


def drop_database(name):
    _run(["dropdb", "--if-exists", "--force", name])
    shutil.rmtree(CACHE / "odoo-data" / "filestore" / name, ignore_errors=True)
