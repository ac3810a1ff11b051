#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Concurrent reservations of a scarce spare part through a running Odoo
server with worker processes, side by side with Odoo's own reservation.

N clients, each with its own JSON-RPC calls, ask the server to reserve the
same part at the same moment (they wait for each other, then all call), while
only a few units of it are in stock:

- ``parts``: each client reserves the parts line of its own service request
  (``aftersales.part.line.action_aftersales_reserve``, the warehouse
  manager's Reserve button);
- ``odoo``: each client checks the availability of an internal transfer of its
  own (``stock.picking.action_assign``, Inventory's Check Availability), in the
  same Spare Parts operation type, from the same stock: Odoo's reservation
  without the after-sales lock.

Each round uses a new part. It reports the requests reserved and waiting, the
errors the clients received, the units reserved beyond what is on hand
(oversold), the serialization failures the server retried (its log), the
round's wall time and the requests served per second. Rounds alternate
between the two sides; the tables give the sums and the medians.

The script creates its database (``--database``, our addons without demo data)
the first time, starts Odoo on a free local port with ``--workers``, and stops
it at the end. Run it with the python of an Odoo 18.0 (README.md, Benchmarks)::

    $ODOO_PYTHON bench/parts_reservation.py [--clients 2,8,32] [--stock 5]
        [--rounds 5] [--workers 4] [--warmup 1]
"""

import argparse
import importlib.util
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "admin"
LAUNCHER = """import sys
import time

if sys.argv[1:2] == ["gevent"]:
    while True:
        time.sleep(3600)
import odoo.cli

odoo.cli.main()
"""


def _odoo_layer():
    spec = importlib.util.spec_from_file_location(
        "odoo_layer", REPO / "tools" / "odoo_layer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LAYER = _odoo_layer()


# -- the server ------------------------------------------------------------------


def prepare(args):
    info, reason = LAYER.probe_odoo(sys.executable)
    if not info:
        raise SystemExit(f"run this script with the python of an Odoo 18.0: {reason}")
    addons_path = LAYER.odoo_addons_path(info, [LAYER.ensure_oca_addons()])
    LAYER.ensure_python_deps(sys.executable)
    LAYER.ensure_postgres()
    if args.recreate:
        LAYER.drop_database(args.database)
    if not LAYER.database_exists(args.database):
        print(f"creating {args.database} (our addons, no demo data)", flush=True)
        cmd = LAYER.odoo_command(
            sys.executable,
            addons_path,
            args.database,
            "-i",
            "aftersales_sop,aftersales_warranty",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        )
        subprocess.run(cmd, check=True, env=LAYER.odoo_env())
    return addons_path


class Server:
    """Odoo with ``workers`` worker processes on a free local port."""

    def __init__(self, addons_path, database, workers, log):
        self.port = LAYER.free_port()
        self.log = log
        # a script of its own, not ``python -m odoo``: the prefork server
        # starts its long-polling (gevent) process again from sys.argv. RPC
        # clients do not need that process: it only waits here (the test
        # runtime may lack gevent's own dependencies).
        launcher = Path(log).parent / "odoo-server.py"
        launcher.write_text(LAUNCHER, encoding="utf-8")
        cmd = LAYER.odoo_command(
            sys.executable,
            addons_path,
            database,
            f"--workers={workers}",
            "--max-cron-threads=0",
            f"--logfile={log}",
            "--log-level=info",
            "--limit-time-real=600",
            "--limit-time-cpu=600",
            port=self.port,
        )
        assert cmd[1:3] == ["-m", "odoo"], cmd
        cmd[1:3] = [str(launcher)]
        self.process = subprocess.Popen(cmd, env=LAYER.odoo_env())
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/web/health", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise SystemExit(f"Odoo did not start (log: {log})") from None
                time.sleep(0.5)

    def retries(self):
        """Serialization failures retried and given up by the server so far."""
        text = Path(self.log).read_text(encoding="utf-8", errors="replace")
        return text.count("tries left, try again"), text.count(
            "maximum number of tries reached"
        )

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


class RpcError(Exception):
    """An error the server answered with (what a user would see)."""


class Client:
    """JSON-RPC (``/jsonrpc``), one HTTP connection per call."""

    def __init__(self, url, database, uid=None):
        self.url = f"{url}/jsonrpc"
        self.database = database
        self.uid = uid or self._rpc("common", "login", database, "admin", PASSWORD)

    def _rpc(self, service, method, *args):
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"service": service, "method": method, "args": args},
                "id": 1,
            }
        ).encode()
        request = urllib.request.Request(
            self.url, body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=600) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            data = answer["error"].get("data") or {}
            raise RpcError(
                f"{data.get('name', 'error')}: {data.get('message', answer['error'])}"
            )
        return answer.get("result")  # Odoo leaves out a None result

    def call(self, model, method, *args, **kwargs):
        return self._rpc(
            "object",
            "execute_kw",
            self.database,
            self.uid,
            PASSWORD,
            model,
            method,
            list(args),
            kwargs,
        )


# -- one round -------------------------------------------------------------------


def setup(client, side, clients, stock, number):
    """A new part with ``stock`` units and ``clients`` requests waiting for it."""
    warehouse = client.call(
        "stock.warehouse",
        "search_read",
        [],
        fields=[
            "lot_stock_id",
            "aftersales_parts_type_id",
            "aftersales_parts_location_id",
        ],
        limit=1,
    )[0]
    stock_location = warehouse["lot_stock_id"][0]
    product = client.call(
        "product.product",
        "create",
        {
            "name": f"Bench compressor {side} {number}",
            "type": "consu",
            "is_storable": True,
            "aftersales_is_spare_part": True,
        },
    )
    quant = client.call(
        "stock.quant",
        "create",
        {
            "product_id": product,
            "location_id": stock_location,
            "inventory_quantity": stock,
        },
        context={"inventory_mode": True},
    )
    client.call("stock.quant", "action_apply_inventory", [quant])
    if side == "parts":
        partner = client.call("res.partner", "create", {"name": f"Bench {number}"})
        tickets = client.call(
            "helpdesk.ticket",
            "create",
            [
                {
                    "name": f"Bench {number}/{i}",
                    "description": "<p>needs the compressor</p>",
                    "partner_id": partner,
                }
                for i in range(clients)
            ],
        )
        targets = client.call(
            "aftersales.part.line",
            "create",
            [
                {"ticket_id": ticket, "product_id": product, "product_uom_qty": 1}
                for ticket in tickets
            ],
        )
    else:
        targets = client.call(
            "stock.picking",
            "create",
            [
                {
                    "picking_type_id": warehouse["aftersales_parts_type_id"][0],
                    "location_id": stock_location,
                    "location_dest_id": warehouse["aftersales_parts_location_id"][0],
                    "move_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "bench",
                                "product_id": product,
                                "product_uom_qty": 1,
                                "location_id": stock_location,
                                "location_dest_id": warehouse[
                                    "aftersales_parts_location_id"
                                ][0],
                            },
                        )
                    ],
                }
                for _i in range(clients)
            ],
        )
        client.call("stock.picking", "action_confirm", targets)
    return product, stock_location, targets


def outcome(client, side, product, stock_location, targets):
    if side == "parts":
        states = [
            row["state"]
            for row in client.call(
                "aftersales.part.line", "read", targets, fields=["state"]
            )
        ]
        reserved = states.count("reserved")
        waiting = states.count("waiting")
    else:
        moves = client.call(
            "stock.move",
            "search_read",
            [("picking_id", "in", targets)],
            fields=["state"],
        )
        states = [move["state"] for move in moves]
        reserved = states.count("assigned")
        waiting = states.count("confirmed") + states.count("partially_available")
    quants = client.call(
        "stock.quant",
        "search_read",
        [("product_id", "=", product), ("location_id", "child_of", stock_location)],
        fields=["quantity", "reserved_quantity"],
    )
    on_hand = sum(q["quantity"] for q in quants)
    held = sum(q["reserved_quantity"] for q in quants)
    return reserved, waiting, max(held - on_hand, 0.0)


def run_round(server, database, side, clients, stock, number):
    admin = Client(server.url, database)
    product, stock_location, targets = setup(admin, side, clients, stock, number)
    model = "aftersales.part.line" if side == "parts" else "stock.picking"

    def connect(target):
        client = Client(server.url, database, uid=admin.uid)
        # not measured: the first call of a worker after the part's creation
        # (which clears Odoo's caches) checks the password again (a slow hash)
        client.call(model, "read", [target], fields=["state"])
        return client

    # before the measured calls
    with ThreadPoolExecutor(max_workers=8) as pool:
        connections = list(pool.map(connect, targets))
    barrier = threading.Barrier(len(targets) + 1)
    errors, latencies = [], []
    lock = threading.Lock()

    def reserve(connection, target):
        barrier.wait()
        start = time.perf_counter()
        try:
            if side == "parts":
                connection.call(
                    "aftersales.part.line", "action_aftersales_reserve", [target]
                )
            else:
                connection.call("stock.picking", "action_assign", [target])
        except (RpcError, OSError) as error:
            with lock:
                errors.append(str(error).splitlines()[0][:120])
        finally:
            with lock:
                latencies.append(time.perf_counter() - start)

    threads = [
        threading.Thread(target=reserve, args=(connection, target))
        for connection, target in zip(connections, targets, strict=True)
    ]
    for thread in threads:
        thread.start()
    retried_before, given_up_before = server.retries()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    time.sleep(0.2)  # the server's log lines of this round
    retried, given_up = server.retries()
    reserved, waiting, oversold = outcome(admin, side, product, stock_location, targets)
    return {
        "side": side,
        "clients": clients,
        "reserved": reserved,
        "waiting": waiting,
        "errors": len(errors),
        "error_messages": sorted(set(errors)),
        "oversold": oversold,
        "retried": retried - retried_before,
        "given_up": given_up - given_up_before,
        "wall_s": wall,
        "per_s": clients / wall,
        "p95_ms": sorted(latencies)[max(int(len(latencies) * 0.95) - 1, 0)] * 1000,
    }


def progress(result):
    return (
        f"{result['clients']:>3} clients, {result['side']:5}: "
        f"{result['reserved']} reserved, {result['waiting']} waiting, "
        f"{result['errors']} errors, {result['oversold']:g} oversold, "
        f"{result['retried']} retried, {result['wall_s']:.2f} s"
    )


def summarize(results, stock, rounds):
    print(
        f"\n{rounds} rounds per side and client count, {stock:g} units in stock; "
        "sums over the rounds, medians of wall time, requests/s and p95 latency\n"
    )
    print(
        "| clients | reservation | reserved | waiting | errors | oversold units "
        "| server retries (given up) | wall s | requests/s | p95 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    labels = {"parts": "request parts (ours)", "odoo": "Odoo's Check Availability"}
    for clients in sorted({r["clients"] for r in results}):
        for side in ("parts", "odoo"):
            rows = [r for r in results if r["clients"] == clients and r["side"] == side]
            if not rows:
                continue
            total = {
                key: sum(r[key] for r in rows)
                for key in (
                    "reserved",
                    "waiting",
                    "errors",
                    "oversold",
                    "retried",
                    "given_up",
                )
            }
            cells = (
                clients,
                labels[side],
                total["reserved"],
                total["waiting"],
                total["errors"],
                f"{total['oversold']:g}",
                f"{total['retried']} ({total['given_up']})",
            )
            print(
                "| " + " | ".join(str(cell) for cell in cells) + " "
                f"| {statistics.median(r['wall_s'] for r in rows):.2f} "
                f"| {statistics.median(r['per_s'] for r in rows):.1f} "
                f"| {statistics.median(r['p95_ms'] for r in rows):.0f} |"
            )
    messages = sorted({m for r in results for m in r["error_messages"]})
    if messages:
        print("\nerrors the clients received:")
        for message in messages:
            print(f"- {message}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", default="2,8,32", help="comma-separated")
    parser.add_argument("--stock", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--warmup", type=int, default=1, help="rounds per side not counted"
    )
    parser.add_argument("--database", default="bench_parts")
    parser.add_argument("--recreate", action="store_true")
    parser.add_argument("--json", help="also write the rounds to this file")
    args = parser.parse_args()
    # a SIGTERM stops the server as Ctrl-C does
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))

    addons_path = prepare(args)
    log = Path(tempfile.mkdtemp(prefix="bench-parts-")) / "odoo.log"
    server = Server(addons_path, args.database, args.workers, log)
    print(f"Odoo on {server.url} with {args.workers} workers (log: {log})", flush=True)
    results = []
    try:
        number = int(time.time())
        for clients in [int(c) for c in args.clients.split(",")]:
            for round_index in range(-args.warmup, args.rounds):
                sides = ("parts", "odoo") if round_index % 2 == 0 else ("odoo", "parts")
                for side in sides:
                    number += 1
                    result = run_round(
                        server, args.database, side, clients, args.stock, number
                    )
                    if round_index >= 0:
                        results.append(result)
                    print(progress(result), flush=True)
    finally:
        server.stop()
    summarize(results, args.stock, args.rounds)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
