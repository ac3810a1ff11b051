# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo command lines on our addons path, and running them with a log."""

import ast
import re
import socket
import subprocess
import sys

from .common import ADDONS_DIR, CACHE, OUR_ADDONS
from .locate import odoo_env


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manifest(addon):
    return ast.literal_eval((ADDONS_DIR / addon / "__manifest__.py").read_text())


def dependencies():
    """Every addon our addons depend on, without our own."""
    deps = set()
    for addon in OUR_ADDONS:
        deps.update(manifest(addon).get("depends", []))
    return sorted(deps - set(OUR_ADDONS))


def odoo_command(
    python, addons_path, database, *args, port=None, interface="127.0.0.1"
):
    """An Odoo command line on our addons path, data dir and database.

    Without ``port`` the server listens on a free local port and runs no cron
    thread (test and maintenance runs); with it, it serves normally.
    """
    server = [f"--http-interface={interface}", f"--http-port={port or free_port()}"]
    if not port:
        server.append("--max-cron-threads=0")
    return [
        python,
        "-m",
        "odoo",
        f"--addons-path={addons_path}",
        f"--data-dir={CACHE / 'odoo-data'}",
        f"--database={database}",
        "--db-filter=^%s$" % re.escape(database),
        *server,
        *args,
    ]


def run_logged(cmd, log_path, echo=True):
    """Run ``cmd``, tee its output into ``log_path``, return its exit status."""
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=odoo_env(),
        )
        for line in process.stdout:
            log.write(line)
            if echo:
                sys.stdout.write(line)
        return process.wait()


def install_our_addons(python, addons_path, database, *args):
    """Create ``database`` with our addons and demo data; the exit status of Odoo."""
    cmd = odoo_command(
        python,
        addons_path,
        database,
        "-i",
        ",".join(OUR_ADDONS),
        "--stop-after-init",
        *args,
    )
    return subprocess.run(cmd, env=odoo_env(), check=False).returncode
