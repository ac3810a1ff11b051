#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of aftersales_warranty, with their baseline in the same run.

1. The cost of the warranty suggestion on ticket creation: repair requests
   created one by one (each flushed) in a database with ``aftersales_sop`` only
   (the baseline) and in one with ``aftersales_warranty`` too, for a unit that
   is registered and for one that is not; the scenarios alternate over a few
   rounds and the median of the rounds is reported.
2. The registration import against Odoo's own import (``base_import``, what
   its Import button runs, ending in ``load()``) on the same ``.xls`` file of
   50,000 rows: the two sides alternate over a few rounds, each round in a
   process of its own; rows per second and the peak memory of the process
   during the import (see ``bench/import_worker.py`` for how each side maps
   the file). Extra rounds on a smaller file show how the memory grows with
   the rows.

Usage (any python3; the Odoo interpreter is ``ODOO_PYTHON``, as for make test)::

    ODOO_PYTHON=/path/to/odoo/python python3 bench/bench_warranty.py \
        [--only tickets|import] [--tickets 300] [--rounds 3] \
        [--rows 50000] [--import-rounds 3] [--small-rows 10000] [--batch 2000] \
        [--keep [--reuse]] [--prefix bench_as_]

The databases are created without demo data from a common template holding
the dependencies, and dropped afterwards unless ``--keep``. Every measurement
runs in its own process and rolls back what it created.
"""

import argparse
import json
import os
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


def measure(python, addons_path, database, task, *task_args, worker="warranty"):
    options = odoo_layer.odoo_command(python, addons_path, database, "--log-level=warn")
    script = HERE / f"{worker}_worker.py"
    cmd = [python, str(script), *options[3:], "--", task, *map(str, task_args)]
    result = subprocess.run(
        cmd, env=odoo_layer.odoo_env(), capture_output=True, text=True, check=False
    )
    lines = [x for x in result.stdout.splitlines() if x.startswith("RESULT ")]
    if result.returncode or not lines:
        raise SystemExit(f"{task} on {database} failed:\n{result.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def measure_tickets(python, addons_path, args):
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
                    python,
                    addons_path,
                    databases[database],
                    task,
                    "--count",
                    args.tickets,
                )
            )
    return {
        label: combine(runs[key])
        for label, key in (
            ("aftersales_sop only", "baseline"),
            ("aftersales_warranty, unit not registered", "unregistered"),
            ("aftersales_warranty, unit registered", "registered"),
        )
    }


IMPORT_SIDES = ("wizard", "odoo")


def measure_imports(python, addons_path, args, rows):
    """Both sides on the same file, alternating, ``args.import_rounds`` each."""
    path = HERE / "results" / f"registrations-{rows}.xls"
    path.parent.mkdir(exist_ok=True)
    made = measure(
        python,
        addons_path,
        WARRANTY,
        "make-file",
        "--rows",
        rows,
        "--file",
        path,
        worker="import",
    )
    say(
        f"==> import of {rows} rows ({made['customers']} customers, "
        f"{made['serial_numbers']} serial numbers), {args.import_rounds} rounds "
        "alternating the wizard and Odoo's import"
    )
    runs = {side: [] for side in IMPORT_SIDES}
    for index in range(args.import_rounds):
        for side in IMPORT_SIDES:
            run = measure(
                python,
                addons_path,
                WARRANTY,
                side,
                "--file",
                path,
                "--batch",
                args.batch,
                worker="import",
            )
            say(
                f"    round {index + 1} {side}: {run['seconds']:.1f} s, "
                f"{run['rows_per_second']:.0f} rows/s, peak "
                f"{run['peak_rss_mb']:.0f} MB (from {run['rss_start_mb']:.0f} MB)"
            )
            runs[side].append(run)
    return {side: combine_imports(runs[side]) for side in IMPORT_SIDES}


def combine_imports(rounds):
    """The median of each figure over the rounds, and the rounds' rates."""
    result = {
        key: statistics.median(r[key] for r in rounds)
        for key in (
            "seconds",
            "rows_per_second",
            "queries",
            "rss_start_mb",
            "peak_rss_mb",
        )
    }
    result["growth_mb"] = statistics.median(
        r["peak_rss_mb"] - r["rss_start_mb"] for r in rounds
    )
    for key in ("rows", "file_bytes", "created"):
        result[key] = rounds[0][key]
    result["rounds_rows_per_second"] = [round(r["rows_per_second"]) for r in rounds]
    return result


def print_tickets(tickets):
    say(
        "\n| ticket creation | ms per ticket (mean) | median "
        "| SQL queries | mean of each round |"
    )
    say("|---|---|---|---|---|")
    for label, row in tickets.items():
        rounds = ", ".join(f"{x:.1f}" for x in row["rounds_ms_mean"])
        say(
            f"| {label} | {row['ms_mean']:.1f} | {row['ms_median']:.1f} "
            f"| {row['queries_mean']:.0f} | {rounds} |"
        )


def print_imports(imports):
    say(
        "\n| rows | side | rows/s (median) | each round | s | SQL queries "
        "| RSS at the click | peak RSS | growth |"
    )
    say("|---|---|---|---|---|---|---|---|---|")
    labels = {"wizard": "our wizard", "odoo": "Odoo's import"}
    for rows, sides in imports.items():
        for side, r in sides.items():
            each = ", ".join(str(x) for x in r["rounds_rows_per_second"])
            say(
                f"| {rows} | {labels[side]} | {r['rows_per_second']:.0f} | {each} "
                f"| {r['seconds']:.0f} | {r['queries']:.0f} "
                f"| {r['rss_start_mb']:.0f} MB | {r['peak_rss_mb']:.0f} MB "
                f"| {r['growth_mb']:.0f} MB |"
            )
        ratio = sides["wizard"]["rows_per_second"] / sides["odoo"]["rows_per_second"]
        say(f"| {rows} | ratio | **{ratio:.1f}x** | | | | | | |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("tickets", "import"))
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of the ticket measurements"
    )
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument(
        "--import-rounds", type=int, default=3, help="rounds of each import side"
    )
    parser.add_argument(
        "--small-rows",
        type=int,
        default=10000,
        help="rows of the smaller file of the extra import rounds (0: none)",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=2000,
        help="rows per execute_import call of Odoo's side (the Import button's "
        "default; 0: the whole file in one call)",
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
    tickets, imports = {}, {}
    try:
        if not (args.reuse and odoo_layer.database_exists(WARRANTY)):
            prepare_databases(python, addons_path)
        if args.only != "import":
            tickets = measure_tickets(python, addons_path, args)
        if args.only != "tickets":
            for rows in (args.rows, args.small_rows):
                if rows:
                    imports[rows] = measure_imports(python, addons_path, args, rows)
    finally:
        if not args.keep:
            for database in (BASE, SOP, WARRANTY):
                odoo_layer.drop_database(database)
    results = {
        "machine": f"{platform.processor() or platform.machine()}, "
        f"python {platform.python_version()}",
        "load_average": os.getloadavg(),
        "tickets": tickets,
        "import": imports,
        "total_seconds": time.time() - started,
    }
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_warranty.json").write_text(json.dumps(results, indent=2))
    if tickets:
        print_tickets(tickets)
    if imports:
        print_imports(imports)
    say(f"\nload average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
