#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of aftersales_warranty, with their baseline in the same run.

1. The cost of the warranty suggestion on ticket creation: repair requests
   created one by one (each flushed) in a database with ``aftersales_sop`` only
   (the baseline) and in one with ``aftersales_warranty`` too, for a unit that
   is registered and for one that is not; the scenarios alternate over a few
   rounds and the median of the rounds is reported.
2. The import of a ``.xls`` registration file of 50,000 rows: rows per second
   and the peak memory of the process.

Usage (any python3; the Odoo interpreter is ``ODOO_PYTHON``, as for make test)::

    ODOO_PYTHON=/path/to/odoo/python python3 bench/bench_warranty.py \
        [--tickets 300] [--rounds 3] [--rows 50000] \
        [--keep [--reuse]] [--prefix bench_as_]

The databases are created without demo data from a common template holding
the dependencies, and dropped afterwards unless ``--keep``. Every measurement
runs in its own process and rolls back what it created.
"""

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))

import odoo_layer  # the repository's own runner helpers

BASE, SOP, WARRANTY = "base", "sop", "warranty"


def say(message):
    print(message, flush=True)


def run_odoo(python, addons_path, database, *args):
    cmd = odoo_layer.odoo_command(
        python, addons_path, database, *args, "--stop-after-init", "--log-level=warn"
    )
    result = subprocess.run(
        cmd, env=odoo_layer.odoo_env(), capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise SystemExit(f"odoo failed on {database}:\n{result.stderr[-3000:]}")


def clone(template, database):
    odoo_layer.drop_database(database)
    subprocess.run(["createdb", "-T", template, database], check=True)
    store = odoo_layer.CACHE / "odoo-data" / "filestore"
    if (store / template).is_dir():
        shutil.copytree(store / template, store / database)


def prepare_databases(python, addons_path):
    deps = odoo_layer.manifest("aftersales_warranty")["depends"]
    deps = sorted(set(deps) | set(odoo_layer.manifest("aftersales_sop")["depends"]))
    deps = [d for d in deps if d not in odoo_layer.OUR_ADDONS]
    say(f"==> template {BASE}: {', '.join(deps)} (no demo data)")
    odoo_layer.drop_database(BASE)
    run_odoo(python, addons_path, BASE, "-i", ",".join(deps), "--without-demo=all")
    say(f"==> {SOP}: + aftersales_sop (the baseline)")
    clone(BASE, SOP)
    run_odoo(python, addons_path, SOP, "-i", "aftersales_sop", "--without-demo=all")
    say(f"==> {WARRANTY}: + aftersales_sop, aftersales_warranty")
    clone(BASE, WARRANTY)
    run_odoo(
        python,
        addons_path,
        WARRANTY,
        "-i",
        "aftersales_sop,aftersales_warranty",
        "--without-demo=all",
    )


#: ticket scenarios: database (with or without aftersales_warranty), worker task
SCENARIOS = {
    "baseline": ("sop", "tickets"),
    "unregistered": ("warranty", "tickets"),
    "registered": ("warranty", "tickets-registered"),
}


def combine(rounds):
    """The median of each figure over the rounds, and the rounds themselves."""
    result = {
        key: statistics.median(r[key] for r in rounds)
        for key in ("ms_mean", "ms_median", "queries_mean")
    }
    result["tickets"] = rounds[0]["tickets"]
    result["rounds_ms_mean"] = [round(r["ms_mean"], 2) for r in rounds]
    return result


def measure(python, addons_path, database, task, count):
    options = odoo_layer.odoo_command(python, addons_path, database, "--log-level=warn")
    cmd = [python, str(HERE / "warranty_worker.py"), *options[3:], "--", task]
    cmd += ["--count", str(count)]
    result = subprocess.run(
        cmd, env=odoo_layer.odoo_env(), capture_output=True, text=True, check=False
    )
    lines = [x for x in result.stdout.splitlines() if x.startswith("RESULT ")]
    if result.returncode or not lines:
        raise SystemExit(f"{task} on {database} failed:\n{result.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of the ticket measurements"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the databases kept by --keep"
    )
    parser.add_argument(
        "--prefix", default="bench_as_", help="prefix of the database names"
    )
    args = parser.parse_args()
    global BASE, SOP, WARRANTY
    BASE, SOP, WARRANTY = (args.prefix + name for name in (BASE, SOP, WARRANTY))
    python, addons_path = odoo_layer.prepare(args)
    started = time.time()
    try:
        if not (args.reuse and odoo_layer.database_exists(WARRANTY)):
            prepare_databases(python, addons_path)
        say(
            f"==> {args.tickets} repair requests, one by one, {args.rounds} rounds "
            "alternating the baseline and the warranty"
        )
        databases = {"sop": SOP, "warranty": WARRANTY}
        runs = {key: [] for key in SCENARIOS}
        for _round in range(args.rounds):
            for key, (database, task) in SCENARIOS.items():
                runs[key].append(
                    measure(
                        python, addons_path, databases[database], task, args.tickets
                    )
                )
        baseline, unregistered, registered = (combine(runs[key]) for key in SCENARIOS)
        say(f"==> import of a {args.rows}-row .xls file")
        imported = measure(python, addons_path, WARRANTY, "import", args.rows)
    finally:
        if not args.keep:
            for database in (BASE, SOP, WARRANTY):
                odoo_layer.drop_database(database)
    results = {
        "machine": f"{platform.processor() or platform.machine()}, "
        f"python {platform.python_version()}",
        "tickets": {
            "aftersales_sop only": baseline,
            "aftersales_warranty, unit not registered": unregistered,
            "aftersales_warranty, unit registered": registered,
        },
        "import": imported,
        "total_seconds": time.time() - started,
    }
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_warranty.json").write_text(json.dumps(results, indent=2))
    say(
        "\n| ticket creation | ms per ticket (mean) | median "
        "| SQL queries | mean of each round |"
    )
    say("|---|---|---|---|---|")
    for label, row in results["tickets"].items():
        rounds = ", ".join(f"{x:.1f}" for x in row["rounds_ms_mean"])
        say(
            f"| {label} | {row['ms_mean']:.1f} | {row['ms_median']:.1f} "
            f"| {row['queries_mean']:.0f} | {rounds} |"
        )
    say(
        f"\nimport: {imported['rows']} rows "
        f"({imported['file_bytes'] / 1e6:.1f} MB .xls)"
        f" in {imported['seconds']:.1f} s = {imported['rows_per_second']:.0f} rows/s;"
        f" peak RSS {imported['peak_rss_mb_after']:.0f} MB"
        f" (before the import: {imported['peak_rss_mb_before']:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
