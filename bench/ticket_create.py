#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cost of creating a ticket the way existing integrations do, side by side.

Two databases: one with bare OCA ``helpdesk_mgmt`` (the baseline), one with
``aftersales_sop`` installed on top. In one process, the script creates tickets
with only a title, a description and a contact in both, alternating rounds
between the two so that both see the same machine load, and reports the median
time and the SQL queries per ticket, and their ratio. Every round is rolled
back: the databases are left as they were.

Run it with the python of an Odoo 18.0 (see README.md, Benchmarks)::

    $ODOO_PYTHON bench/ticket_create.py [--rounds 20] [--per-round 50]

The databases are created on the first run (``bench_helpdesk``,
``bench_aftersales``) and reused after that; ``--recreate`` starts over.
"""

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _odoo_layer():
    spec = importlib.util.spec_from_file_location(
        "odoo_layer", REPO / "tools" / "odoo_layer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LAYER = _odoo_layer()


def prepare(args):
    info, reason = LAYER.probe_odoo(sys.executable)
    if not info:
        raise SystemExit(f"run this script with the python of an Odoo 18.0: {reason}")
    addons_path = LAYER.odoo_addons_path(info, [LAYER.ensure_oca_addons()])
    LAYER.ensure_postgres()
    for database, modules in (
        (args.baseline_db, "helpdesk_mgmt"),
        (args.suite_db, "aftersales_sop"),
    ):
        if args.recreate:
            LAYER.drop_database(database)
        if not LAYER.database_exists(database):
            print(f"creating {database} with {modules} (no demo data)", flush=True)
            cmd = LAYER.odoo_command(
                sys.executable,
                addons_path,
                database,
                "-i",
                modules,
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            )
            subprocess.run(cmd, check=True, env=LAYER.odoo_env())
    return addons_path


class Side:
    """One database, with a cursor kept open for the whole run."""

    def __init__(self, odoo, name, database):
        self.name = name
        registry = odoo.modules.registry.Registry(database)
        self.cr = registry.cursor()
        self.env = odoo.api.Environment(self.cr, odoo.SUPERUSER_ID, {})
        self.times, self.queries = [], []

    def round(self, count, keep):
        """Create ``count`` tickets, time each one, roll them back."""
        env = self.env
        savepoint = self.cr.savepoint()
        partner = env["res.partner"].create(
            {"name": "Bench Customer", "email": "b@example.com"}
        )
        env.flush_all()
        Ticket = env["helpdesk.ticket"]
        for index in range(count):
            vals = {
                "name": f"Order 1000{index}: damaged on arrival",
                "description": "<p>The customer reports the box was crushed.</p>",
                "partner_id": partner.id,
            }
            queries = self.cr.sql_log_count
            start = time.perf_counter()
            Ticket.create(vals)
            env.flush_all()
            elapsed = time.perf_counter() - start
            if keep:
                self.times.append(elapsed)
                self.queries.append(self.cr.sql_log_count - queries)
        savepoint.rollback()
        env.invalidate_all()

    def close(self):
        self.cr.rollback()
        self.cr.close()

    def summary(self):
        return {
            "tickets": len(self.times),
            "median_ms": statistics.median(self.times) * 1000,
            "mean_ms": statistics.fmean(self.times) * 1000,
            "p90_ms": statistics.quantiles(self.times, n=10)[-1] * 1000,
            "queries_per_ticket": statistics.median(self.queries),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--per-round", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=2, help="rounds not counted")
    parser.add_argument("--baseline-db", default="bench_helpdesk")
    parser.add_argument("--suite-db", default="bench_aftersales")
    parser.add_argument(
        "--suite",
        default="aftersales_sop",
        help="the addons installed in the suite database (comma-separated)",
    )
    parser.add_argument("--recreate", action="store_true")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    addons_path = prepare(args)
    import odoo  # importable only here, with the python of an Odoo

    odoo.tools.config.parse_config(
        [
            f"--addons-path={addons_path}",
            f"--data-dir={LAYER.CACHE / 'odoo-data'}",
            "--log-level=warn",
        ]
    )
    baseline = Side(odoo, "helpdesk_mgmt", args.baseline_db)
    suite = Side(odoo, f"helpdesk_mgmt + {args.suite}", args.suite_db)
    try:
        for round_index in range(args.warmup + args.rounds):
            keep = round_index >= args.warmup
            # alternate which side goes first, so neither always runs warmer
            sides = (baseline, suite) if round_index % 2 == 0 else (suite, baseline)
            for side in sides:
                side.round(args.per_round, keep)
    finally:
        baseline.close()
        suite.close()

    results = {"baseline": baseline.summary(), "suite": suite.summary()}
    results["ratio_median"] = (
        results["suite"]["median_ms"] / results["baseline"]["median_ms"]
    )
    results["ratio_queries"] = (
        results["suite"]["queries_per_ticket"]
        / results["baseline"]["queries_per_ticket"]
    )
    print()
    width = max(34, len(suite.name) + 1)
    header = f"{'database':{width}} {'tickets':>7} {'median ms':>10} {'p90 ms':>8}"
    print(f"{header} {'queries':>8}")
    for side, key in ((baseline, "baseline"), (suite, "suite")):
        row = results[key]
        print(
            f"{side.name:{width}} {row['tickets']:>7} {row['median_ms']:>10.2f} "
            f"{row['p90_ms']:>8.2f} {row['queries_per_ticket']:>8.0f}"
        )
    print(
        f"ratio ({args.suite} / helpdesk_mgmt): time {results['ratio_median']:.2f}x, "
        f"queries {results['ratio_queries']:.2f}x"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
