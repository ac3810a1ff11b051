#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo beyond one server, on this machine (docs/scaling.md): a PostgreSQL
primary of its own, optionally a hot standby streaming from it, N Odoo nodes
(prefork workers) sharing one database and one data directory, and nginx in
front of them. Everything listens on 127.0.0.1 only and stops when the run
ends (or after ``--minutes`` with ``up``).

The shared PostgreSQL of this machine is never touched: the primary and the
standby are clusters of their own (their own ports and data directories
under ``--dir``, run as the ``postgres`` user when started by root). The
primary and its database (our three addons, without demo data unless
``--demo``) are kept between runs; the standby is taken afresh from the
primary each time (``pg_basebackup -R``).

As a library (bench/replica_check.py, bench/two_nodes_check.py, load tests)::

    with Topology(nodes=2, replica=True) as top:
        top.url                  # nginx
        top.nodes[0].url         # node 1 itself
        top.stop_node(1); top.start_node(1)
        top.standby.sql("select pg_last_wal_replay_lsn()")

From the shell, with the python of an Odoo 18.0::

    $ODOO_PYTHON bench/scaling.py up --nodes 2 --replica --minutes 10
    $ODOO_PYTHON bench/scaling.py prepare [--recreate] [--demo]
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import odoo_layer as LAYER
from scaling_pg import DB_USER, STANDBY_NAME, Cluster

DEFAULT_DIR = Path(
    os.environ.get("AFTERSALES_SCALING_DIR", "/var/tmp/aftersales-scaling")
)
LAUNCHER = "import odoo.cli\n\nodoo.cli.main()\n"


def say(message):
    print(message, flush=True)


def stop_on_sigterm():
    """A SIGTERM ends the run as Ctrl-C does: everything started is stopped."""
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))


def wait_for(check, timeout, what):
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.5)


def http_ok(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


# -- Odoo nodes and nginx --------------------------------------------------------------


class OdooNode:
    """One Odoo server (prefork: HTTP workers, cron workers, the gevent
    process of the bus) of the topology."""

    def __init__(self, index, topology):
        self.index = index
        self.top = topology
        self.port = LAYER.free_port()
        self.gevent_port = LAYER.free_port()
        self.log = topology.run_dir / f"odoo-node{index}.log"
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def command(self):
        top = self.top
        cmd = [
            sys.executable,
            str(top.run_dir / "odoo-server.py"),
            f"--addons-path={top.addons_path}",
            f"--data-dir={top.data_dir}",
            f"--database={top.database}",
            f"--db-filter=^{top.database}$",
            "--db_host=127.0.0.1",
            f"--db_port={top.primary.port}",
            f"--db_user={DB_USER}",
            f"--db_maxconn={top.db_maxconn}",
            "--http-interface=127.0.0.1",
            f"--http-port={self.port}",
            f"--gevent-port={self.gevent_port}",
            f"--workers={top.workers}",
            f"--max-cron-threads={top.cron_threads(self.index)}",
            "--proxy-mode",
            f"--logfile={self.log}",
            "--log-level=info",
            # production.conf's limits, which the proxy rules' timeouts follow
            "--limit-time-real=1200",
            "--limit-time-cpu=600",
            "--limit-memory-soft=2147483648",
            "--limit-memory-hard=2684354560",
        ]
        if top.standby:
            cmd += [
                "--db_replica_host=127.0.0.1",
                f"--db_replica_port={top.standby.port}",
            ]
        return cmd

    def start(self):
        self.log.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            self.command(),
            env=LAYER.odoo_env(),
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(
            lambda: (
                self._alive()
                and http_ok(f"{self.url}/web/health")
                and http_ok(f"http://127.0.0.1:{self.gevent_port}/web/health")
            ),
            180,
            f"Odoo node {self.index} (log: {self.log})",
        )

    def _alive(self):
        if self.process.poll() is not None:
            raise SystemExit(f"Odoo node {self.index} stopped (log: {self.log})")
        return True

    def stop(self):
        """Stop the node and its workers (its own process group)."""
        if not self.process or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


class Nginx:
    def __init__(self, topology):
        self.top = topology
        self.port = LAYER.free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.conf = topology.run_dir / "nginx.conf"
        self.access_log = topology.run_dir / "nginx-access.log"
        self.process = None

    def render(self):
        template = (REPO / "bench" / "nginx-scaling.conf").read_text()
        values = {
            "repo": str(REPO),
            "run_dir": str(self.top.run_dir),
            "listen": f"127.0.0.1:{self.port}",
            "http_servers": "\n".join(
                f"        server 127.0.0.1:{node.port};" for node in self.top.nodes
            ),
            "gevent_servers": "\n".join(
                f"        server 127.0.0.1:{node.gevent_port};"
                for node in self.top.nodes
            ),
        }
        for key, value in values.items():
            template = template.replace("{" + key + "}", value)
        self.conf.write_text(template)
        (self.top.run_dir / "nginx-tmp").mkdir(exist_ok=True)
        return self.conf

    def start(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise SystemExit("nginx is missing: apt-get install nginx-light")
        self.render()
        subprocess.run([nginx, "-t", "-q", "-c", str(self.conf)], check=True)
        self.process = subprocess.Popen(
            [nginx, "-c", str(self.conf), "-g", "daemon off;"], start_new_session=True
        )
        wait_for(lambda: http_ok(f"{self.url}/web/health"), 30, "nginx")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


# -- the whole ---------------------------------------------------------------------


class Topology:
    """Primary (+ standby), ``nodes`` Odoo nodes, nginx; a context manager.

    ``cron``: ``"all"`` (every node runs cron workers: Odoo takes each job
    with ``FOR NO KEY UPDATE SKIP LOCKED``, so a job runs on one node at a
    time), ``"first"`` (only node 1 runs them) or ``"none"``. ``synchronous``: with a
    standby, a commit returns once the standby has applied it
    (``synchronous_commit = remote_apply``), so a read sent to the standby
    right after a write sees it.
    """

    def __init__(
        self,
        nodes=2,
        replica=False,
        workers=2,
        cron="all",
        synchronous=True,
        base_dir=DEFAULT_DIR,
        database="aftersales_scaling",
        demo=False,
        db_maxconn=16,
        log_statements=False,
        use_nginx=True,
        modules=None,
    ):
        self.base_dir = Path(base_dir)
        # what a new database gets: our addons, or another set (the load
        # test's baseline: bare helpdesk_mgmt)
        self.modules = list(modules or LAYER.OUR_ADDONS)
        self.run_dir = self.base_dir / "run"
        self.data_dir = self.base_dir / "odoo-data"
        self.database = database
        self.demo = demo
        self.workers = workers
        self.cron = cron
        self.synchronous = synchronous
        self.db_maxconn = db_maxconn
        self.log_statements = log_statements
        self.primary = Cluster("primary", self.base_dir, LAYER.free_port())
        self.standby = (
            Cluster("standby", self.base_dir, LAYER.free_port()) if replica else None
        )
        self.node_count = nodes
        self.nodes = []
        self.nginx = Nginx(self) if use_nginx else None
        self.addons_path = None

    @property
    def url(self):
        return self.nginx.url if self.nginx else self.nodes[0].url

    def cron_threads(self, index):
        if self.cron == "none":
            return 0
        return 1 if self.cron == "all" or index == 1 else 0

    # -- preparing -----------------------------------------------------------------

    def _odoo(self):
        info, reason = LAYER.probe_odoo(sys.executable)
        if not info:
            raise SystemExit(
                f"run this script with the python of an Odoo 18.0: {reason}"
            )
        self.addons_path = LAYER.odoo_addons_path(info, [LAYER.ensure_oca_addons()])
        LAYER.ensure_python_deps(sys.executable)

    def prepare(self, recreate=False):
        """The primary cluster and the database, made once and kept."""
        self._odoo()
        self.base_dir.mkdir(parents=True, exist_ok=True)
        self.base_dir.chmod(0o755)
        if recreate:
            self.primary.stop()
            shutil.rmtree(self.primary.data, ignore_errors=True)
            shutil.rmtree(self.data_dir, ignore_errors=True)
        if not self.primary.exists():
            say(f"creating the primary cluster in {self.primary.data}")
            self.primary.init()
        self._start_primary()
        if not self.primary.sql(
            f"select 1 from pg_database where datname = '{self.database}'"
        ):
            demo = ", demo data" if self.demo else ""
            say(f"creating {self.database} ({', '.join(self.modules)}{demo})")
            self.primary.sql("create extension if not exists pg_stat_statements")
            cmd = [
                sys.executable,
                "-m",
                "odoo",
                f"--addons-path={self.addons_path}",
                f"--data-dir={self.data_dir}",
                f"--database={self.database}",
                "--db_host=127.0.0.1",
                f"--db_port={self.primary.port}",
                f"--db_user={DB_USER}",
                "-i",
                ",".join(self.modules),
                "--stop-after-init",
                "--log-level=warn",
                "--max-cron-threads=0",
                "--http-port",
                str(LAYER.free_port()),
            ] + ([] if self.demo else ["--without-demo=all"])
            subprocess.run(cmd, check=True, env=LAYER.odoo_env())
            self.primary.sql(
                "create extension if not exists pg_stat_statements", self.database
            )

    def _start_primary(self, synchronous=False):
        if self.primary.running():
            self.primary.stop()
        settings = {}
        if synchronous:
            settings = {
                "synchronous_standby_names": STANDBY_NAME,
                "synchronous_commit": "remote_apply",
            }
        if self.log_statements:
            settings["log_statement"] = "all"
        self.primary.start(**settings)

    # -- running ----------------------------------------------------------------------

    def start(self):
        self.prepare()
        shutil.rmtree(self.run_dir, ignore_errors=True)
        self.run_dir.mkdir(parents=True)
        (self.run_dir / "odoo-server.py").write_text(LAUNCHER)
        if self.standby:
            say(f"hot standby from the primary (port {self.standby.port})")
            self.standby.stop()
            self.standby.clone_from(self.primary)
            self.standby.start(
                **({"log_statement": "all"} if self.log_statements else {})
            )
            # the primary's commits wait for the standby from now on
            self._start_primary(synchronous=self.synchronous)
            wait_for(self.streaming, 60, "the standby to stream")
        for index in range(1, self.node_count + 1):
            self.start_node(index)
        if self.nginx:
            self.nginx.start()
        say(self.describe())
        return self

    def streaming(self):
        rows = self.primary.sql(
            "select application_name, state, sync_state from pg_stat_replication"
        )
        return any(row.startswith(f"{STANDBY_NAME}|streaming") for row in rows)

    def start_node(self, index):
        """Start node ``index`` (1-based), again if it was stopped."""
        while len(self.nodes) < index:
            self.nodes.append(OdooNode(len(self.nodes) + 1, self))
        node = self.nodes[index - 1]
        node.start()
        return node

    def stop_node(self, index):
        self.nodes[index - 1].stop()

    def describe(self):
        lines = [
            f"primary PostgreSQL on 127.0.0.1:{self.primary.port} ({self.primary.data})"
        ]
        if self.standby:
            mode = "synchronous, remote_apply" if self.synchronous else "asynchronous"
            lines.append(f"hot standby on 127.0.0.1:{self.standby.port} ({mode})")
        for node in self.nodes:
            lines.append(
                f"Odoo node {node.index}: {node.url} (bus {node.gevent_port}, "
                f"{self.workers} workers, {self.cron_threads(node.index)} cron "
                f"threads, log {node.log})"
            )
        if self.nginx:
            lines.append(
                f"nginx: {self.nginx.url} (access log {self.nginx.access_log})"
            )
        return "\n".join(lines)

    def stop(self):
        if self.nginx:
            self.nginx.stop()
        for node in self.nodes:
            node.stop()
        if self.standby:
            self.standby.stop()
        self.primary.stop()

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["prepare", "up"])
    parser.add_argument("--nodes", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--replica", action="store_true")
    parser.add_argument(
        "--asynchronous",
        action="store_true",
        help="the standby may lag (no remote_apply)",
    )
    parser.add_argument("--cron", choices=["all", "first", "none"], default="all")
    parser.add_argument(
        "--minutes",
        type=float,
        default=10,
        help="up: stop after this long (or on Ctrl-C)",
    )
    parser.add_argument("--dir", default=str(DEFAULT_DIR))
    parser.add_argument("--database", default="aftersales_scaling")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--recreate", action="store_true")
    args = parser.parse_args()
    top = Topology(
        nodes=args.nodes,
        replica=args.replica,
        workers=args.workers,
        cron=args.cron,
        synchronous=not args.asynchronous,
        base_dir=args.dir,
        database=args.database,
        demo=args.demo,
    )
    if args.action == "prepare":
        try:
            top.prepare(recreate=args.recreate)
        finally:
            top.stop()
        return
    stop_on_sigterm()
    with top:
        say(f"up for {args.minutes:g} minutes (Ctrl-C stops it)")
        try:
            time.sleep(args.minutes * 60)
        except KeyboardInterrupt:
            pass
    say("stopped")


if __name__ == "__main__":
    main()
