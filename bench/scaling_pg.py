# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PostgreSQL clusters of bench/scaling.py: a primary of its own and a hot
standby streaming from it, on 127.0.0.1, beside (never in place of) the
PostgreSQL the machine already runs."""

import os
import shutil
import subprocess
from pathlib import Path

DB_USER = "odoo"
STANDBY_NAME = "aftersales_standby"


def pg_bin(name):
    """A PostgreSQL program of the highest server version installed (15 here)."""
    if os.environ.get("PG_BINDIR"):
        return str(Path(os.environ["PG_BINDIR"]) / name)
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
    )
    if versions:
        return str(versions[-1] / name)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"no PostgreSQL server programs ({name}) on this machine")
    return found


def as_postgres(cmd):
    """PostgreSQL refuses to run as root: its programs run as ``postgres``."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def own_by_postgres(path):
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


class Cluster:
    """A PostgreSQL cluster of ours on 127.0.0.1:``port``."""

    def __init__(self, name, base_dir, port):
        self.name = name
        self.port = port
        self.data = base_dir / name
        self.log = base_dir / f"{name}.log"
        self.sockets = base_dir / "sockets"

    def exists(self):
        return (self.data / "PG_VERSION").exists()

    def running(self):
        return (
            subprocess.run(
                as_postgres([pg_bin("pg_ctl"), "status", "-D", str(self.data)]),
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )

    def _prepare_dirs(self):
        for path in (self.data.parent, self.sockets):
            path.mkdir(parents=True, exist_ok=True)
        self.sockets.chmod(0o777)
        own_by_postgres(self.sockets)
        self.log.touch()
        own_by_postgres(self.log)

    def init(self):
        """A new primary: replication allowed on the loopback (initdb trusts
        local connections, replication ones included)."""
        self._prepare_dirs()
        self.data.mkdir(mode=0o700)
        own_by_postgres(self.data)
        subprocess.run(
            as_postgres(
                [
                    pg_bin("initdb"),
                    "-D",
                    str(self.data),
                    f"--username={DB_USER}",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self._append_conf(
            {
                "listen_addresses": "'127.0.0.1'",
                "unix_socket_directories": f"'{self.sockets}'",
                "wal_level": "replica",
                "max_wal_senders": "5",
                "hot_standby": "on",
                "hot_standby_feedback": "on",
                "max_connections": "200",
                "shared_preload_libraries": "'pg_stat_statements'",
                "pg_stat_statements.track": "all",
                "log_line_prefix": "'%m [%p] %a %d '",
            }
        )

    def clone_from(self, primary):
        """A hot standby of ``primary``: a base backup with ``-R`` (the
        standby.signal and primary_conninfo), streaming its WAL."""
        self._prepare_dirs()
        if self.data.exists():
            shutil.rmtree(self.data)
        self.data.mkdir(mode=0o700)
        own_by_postgres(self.data)
        subprocess.run(
            as_postgres(
                [
                    pg_bin("pg_basebackup"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(primary.port),
                    "-U",
                    DB_USER,
                    "-D",
                    str(self.data),
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                ]
            ),
            check=True,
        )
        # its name on the primary (pg_stat_replication, synchronous_standby_names)
        self._append_conf(
            {
                "primary_conninfo": f"'host=127.0.0.1 port={primary.port} "
                f"user={DB_USER} application_name={STANDBY_NAME}'"
            },
            name="postgresql.auto.conf",
        )

    def _append_conf(self, settings, name="postgresql.conf"):
        lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
        subprocess.run(
            as_postgres(["sh", "-c", f"cat >> '{self.data / name}'"]),
            input=lines.encode(),
            check=True,
        )

    def start(self, **settings):
        """Start with these settings (``-c key=value``) on top of its files."""
        options = [f"-c port={self.port}"] + [
            f"-c {key}={value}" for key, value in settings.items()
        ]
        subprocess.run(
            as_postgres(
                [
                    pg_bin("pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "120",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-o",
                    " ".join(options),
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop(self):
        if self.exists() and self.running():
            subprocess.run(
                as_postgres(
                    [pg_bin("pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(self.data)]
                ),
                check=False,
                stdout=subprocess.DEVNULL,
            )

    def sql(self, query, database="postgres"):
        """Run ``query``; its rows, ``|``-separated."""
        result = subprocess.run(
            [
                "psql",
                "-X",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                DB_USER,
                "-d",
                database,
                "-tAc",
                query,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return [line for line in result.stdout.splitlines() if line]
