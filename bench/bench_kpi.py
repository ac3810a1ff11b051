#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the monthly quality review (aftersales_kpi).

Fills a database with 1,000,000 requests over 24 months and their clocks,
dispatch orders, visits, surveys and complaints, all in SQL (``INSERT ...
SELECT ... generate_series``: the ORM would take hours), 500 engineers in 20
teams, stores the facts the figures read from each request and dispatch order
(as the addon's install does over existing records) and rewrites those two
tables in the order of their dates, as a live database holds them; then
measures side by side, in alternating rounds:

- the month's figures (one month, the company, its teams and 500 engineers),
  with the addon's indexes and without them (dropped inside the measuring
  transaction, which is rolled back; a call is given up after ``--timeout``
  seconds);
- the assessment run of the month (about 520 assessments of 16 figures each),
  then the same run again (the daily refresh of the month's drafts, which
  finds the same records);
- the import of a hotline call log of ``--call-lines`` calls of the month (a
  CSV with Chinese headers): half of them the calls the month's requests were
  created from, matched to them, the others answered calls without a request
  and calls nobody answered.

Usage (any python3; the Odoo interpreter is ``ODOO_PYTHON``, as for make test)::

    ODOO_PYTHON=/path/to/odoo/python python3 bench/bench_kpi.py \
        [--requests 1000000] [--engineers 500] [--rounds 5] \
        [--call-lines 100000] [--no-baseline] \
        [--template DB] [--database bench_kpi] [--keep [--reuse]]

``--no-baseline`` leaves out the month's figures without the indexes (each
call given up after ``--timeout`` seconds).

``--template`` clones a database that already holds the dependencies
(otherwise they are installed, without demo data); the database is dropped at
the end unless ``--keep``. Every measurement runs in its own process.
"""

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))

import odoo_layer  # the repository's own runner helpers


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


def prepare_database(python, addons_path, database, template):
    odoo_layer.drop_database(database)
    if template:
        say(f"==> {database}: a copy of {template}")
        subprocess.run(["createdb", "-T", template, database], check=True)
    else:
        deps = sorted(
            {
                d
                for a in odoo_layer.OUR_ADDONS
                for d in odoo_layer.manifest(a)["depends"]
            }
            - set(odoo_layer.OUR_ADDONS)
        )
        say(f"==> {database}: {', '.join(deps)} (no demo data)")
        run_odoo(
            python, addons_path, database, "-i", ",".join(deps), "--without-demo=all"
        )
    say(f"==> {database}: + {', '.join(odoo_layer.OUR_ADDONS)}")
    run_odoo(
        python,
        addons_path,
        database,
        "-i",
        ",".join(odoo_layer.OUR_ADDONS),
        "--without-demo=all",
    )


#: the tables whose rows the fill updates after inserting them, and the index
#: of the order a live database writes them in
CLUSTERED = [
    ("helpdesk_ticket", "helpdesk_ticket_kpi_request_idx"),
    ("aftersales_dispatch_order", "aftersales_dispatch_order_kpi_dispatched_idx"),
]


def psql(database):
    """The psql command on ``database``, stopping at the first error."""
    return ["psql", "-X", "-q", "-d", database, "-v", "ON_ERROR_STOP=1"]


def settle(database):
    """VACUUM, ANALYZE and rebuild the KPI indexes once the data is in: indexes
    built at install over rows the install updated may stay unusable while
    other sessions of the server keep old transactions open (PostgreSQL's
    ``indcheckxmin``), which would measure a sequential scan instead.

    A live database stores a request's facts as they happen, its requests
    and orders written in the order they come; the fill stores the facts of
    all of them afterwards (one UPDATE of every request), which leaves each
    month's rows spread over the table. The two tables are rewritten in the
    order of their dates first (CLUSTER), as a live database holds them."""
    command = psql(database)
    for table, index in CLUSTERED:
        subprocess.run(
            [*command, "-c", f'CLUSTER "{table}" USING "{index}"'], check=True
        )
    subprocess.run([*command, "-c", "VACUUM ANALYZE"], check=True)
    names = subprocess.run(
        [
            *command,
            "-At",
            "-c",
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%\\_kpi\\_%\\_idx'",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in names:
        subprocess.run([*command, "-c", f'REINDEX INDEX "{name}"'], check=True)
    return names


def vacuum(database):
    """VACUUM ANALYZE the tables a round writes to."""
    subprocess.run(
        [*psql(database), "-c", "VACUUM ANALYZE helpdesk_ticket, aftersales_call"],
        check=True,
    )


def work(python, addons_path, database, *task):
    options = odoo_layer.odoo_command(python, addons_path, database, "--log-level=warn")
    cmd = [python, str(HERE / "kpi_worker.py"), *options[3:], "--", *task]
    result = subprocess.run(
        cmd, env=odoo_layer.odoo_env(), capture_output=True, text=True, check=False
    )
    lines = [x for x in result.stdout.splitlines() if x.startswith("RESULT ")]
    if result.returncode or not lines:
        raise SystemExit(f"{task} on {database} failed:\n{result.stderr[-3000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000000)
    parser.add_argument("--engineers", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--timeout",
        type=int,
        default=60,
        help="seconds after which a call without the indexes is given up",
    )
    parser.add_argument("--call-lines", type=int, default=100000)
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="do not measure the month's figures without the indexes",
    )
    parser.add_argument("--database", default="bench_kpi")
    parser.add_argument("--template", help="a database holding the dependencies")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database")
    args = parser.parse_args()
    python, addons_path = odoo_layer.prepare(args)
    database = args.database
    started = time.time()
    filled = None
    try:
        if not (args.reuse and odoo_layer.database_exists(database)):
            prepare_database(python, addons_path, database, args.template)
            say(f"==> fill: {args.requests} requests, {args.engineers} engineers")
            filled = work(
                python,
                addons_path,
                database,
                "fill",
                "--requests",
                str(args.requests),
                "--engineers",
                str(args.engineers),
            )
            say(json.dumps(filled))
            step = time.time()
            filled["indexes"] = settle(database)
            filled["settle_seconds"] = round(time.time() - step, 1)
        runs = {"indexed": [], "unindexed": [], "run": [], "calls": []}
        for number in range(args.rounds):
            say(f"==> round {number + 1}/{args.rounds}")
            runs["indexed"].append(work(python, addons_path, database, "kpis"))
            if not args.no_baseline:
                runs["unindexed"].append(
                    work(
                        python,
                        addons_path,
                        database,
                        "kpis",
                        "--no-indexes",
                        "--timeout",
                        str(args.timeout),
                    )
                )
            runs["run"].append(work(python, addons_path, database, "run"))
            if args.call_lines:
                runs["calls"].append(
                    work(
                        python,
                        addons_path,
                        database,
                        "calls",
                        "--lines",
                        str(args.call_lines),
                    )
                )
            say(json.dumps({key: values[-1] for key, values in runs.items() if values}))
            # the round's rolled-back writes (the call log's matches update the
            # month's requests) leave dead rows in the month's pages, which a
            # live database's autovacuum clears: the next round reads the
            # month as a live database holds it
            vacuum(database)
    finally:
        if not args.keep:
            odoo_layer.drop_database(database)
    median = statistics.median
    results = {
        "machine": f"{platform.processor() or platform.machine()}, "
        f"python {platform.python_version()}",
        "fill": filled,
        "kpis_indexed": median(r["median"] for r in runs["indexed"]),
        "kpis_unindexed": median(
            r["median"] if r["median"] is not None else float("inf")
            for r in runs["unindexed"]
        )
        if runs["unindexed"]
        else None,
        "run_first": median(r["first"] for r in runs["run"]),
        "run_again": median(r["again"] for r in runs["run"]),
        "calls_import": median(r["import_seconds"] for r in runs["calls"])
        if runs["calls"]
        else None,
        "calls_check": median(r["check_seconds"] for r in runs["calls"])
        if runs["calls"]
        else None,
        "rounds": runs,
        "total_seconds": time.time() - started,
    }
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_kpi.json").write_text(json.dumps(results, indent=2))
    sample = runs["indexed"][0]
    run = runs["run"][0]
    say(
        f"\none month: {sample['requests']:.0f} requests, {sample['engineers']} "
        f"engineers with figures, {sample['repeats']:.0f} repeat repairs; "
        f"{run['assessments']} assessments, "
        f"{run['lines']} figures, recompute gives the same records: {run['same']}"
    )
    if runs["calls"]:
        calls = runs["calls"][0]
        say(
            f"call log: {calls['lines']} lines ({calls['bytes']} bytes), "
            f"{calls['matched']} matched, {calls['no_request']} without a request, "
            f"{calls['unanswered']} unanswered, problems: {calls['problems']}"
        )
    say("\n| measurement | median s | each round (median of 3 calls for figures) |")
    say("|---|---|---|")
    measures = [
        (
            "month's figures, with the KPI indexes",
            "kpis_indexed",
            [r["median"] for r in runs["indexed"]],
        ),
        (
            "month's figures, without them",
            "kpis_unindexed",
            [r["median"] for r in runs["unindexed"]],
        ),
        ("assessment run (first)", "run_first", [r["first"] for r in runs["run"]]),
        (
            "assessment run again (the daily refresh of the drafts)",
            "run_again",
            [r["again"] for r in runs["run"]],
        ),
        (
            "call log: check",
            "calls_check",
            [r["check_seconds"] for r in runs["calls"]],
        ),
        (
            "call log: check, store and match (the import)",
            "calls_import",
            [r["import_seconds"] for r in runs["calls"]],
        ),
    ]
    for label, key, values in measures:
        if results[key] is None:
            continue
        rounds = ", ".join(
            f"{v:.3f}" if v is not None else f"> {args.timeout} s" for v in values
        )
        value = results[key]
        shown = f"{value:.3f}" if value != float("inf") else f"> {args.timeout}"
        say(f"| {label} | {shown} | {rounds} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
