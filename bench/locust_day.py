#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A department's day in minutes, measured with Locust (issue 18, point 4):
agents creating and classifying requests and answering consultations,
dispatchers ranking and dispatching, engineers opening their jobs and checking
in and out with the customer's signature, the warehouse reserving and issuing
parts, HR opening the KPI pivots, the quality report and computing the month,
customers answering their surveys; each simulated user logged in as a real
user of his role, through JSON-RPC as the web client speaks it.

Side by side in one run, on this machine (bench/scaling.py's Topology, all on
127.0.0.1): ``one`` (1 Odoo node behind nginx), ``two`` (2 nodes), ``replica``
(2 nodes with a synchronous hot standby for the read-only requests) and
``baseline`` (the agents' request actions, the same agents, on a database with
bare helpdesk_mgmt, 1 node). Each set-up runs ``--minutes`` with ``--users``
simulated users (Locust's ``--headless -u -r -t``: it stops by itself),
``--rounds`` times, the set-ups in turn and their order reversed every other
round; the table gives the medians of the rounds. After every run, the
consistency check (bench/day_consistency.py) reads the database.

Locust runs in a virtual environment of its own (``.cache/bench-venv``, made
from bench/requirements.txt the first time). The databases (``i18b_day``,
``i18b_bare``) are made and seeded the first time, in the primary of
``--dir``, and kept. Run it with the python of an Odoo 18.0::

    $ODOO_PYTHON bench/locust_day.py [--users 12] [--minutes 3] [--rounds 1]
        [--setups one,two,replica,baseline] [--json results.json]
"""

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import day_mix
from day_consistency import read_journal
from day_seed import PASSWORD
from scaling import LAYER, REPO, Topology, say, stop_on_sigterm
from web_session import WebSession

BENCH = REPO / "bench"
VENV = REPO / ".cache" / "bench-venv"
SETUPS = {
    "one": {"label": "1 node", "nodes": 1, "replica": False},
    "two": {"label": "2 nodes", "nodes": 2, "replica": False},
    "replica": {"label": "2 nodes + replica", "nodes": 2, "replica": True},
    "baseline": {
        "label": "bare helpdesk_mgmt (1 node)",
        "nodes": 1,
        "replica": False,
        "baseline": True,
    },
}


def locust_program():
    """Locust, in the bench's virtual environment (made once)."""
    program = VENV / "bin" / "locust"
    if not program.exists():
        say(f"installing Locust into {VENV} (bench/requirements.txt)")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [
                str(VENV / "bin" / "pip"),
                "install",
                "--quiet",
                "-r",
                str(BENCH / "requirements.txt"),
            ],
            check=True,
        )
    return program


def database_args(top):
    return [
        f"--db-port={top.primary.port}",
        f"--database={top.database}",
        f"--addons-path={top.addons_path}",
        f"--data-dir={top.data_dir}",
    ]


def bench_python(script, *args):
    """A script of bench/ with the python of the Odoo 18.0; its last line of
    output is JSON."""
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        check=True,
        capture_output=True,
        text=True,
        env=LAYER.odoo_env(),
        cwd=str(BENCH),
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_locust(top, setup, args, seed, counts, run_tag, out_dir):
    """One Locust run against ``top``; returns its figures by action."""
    settings = out_dir / f"{run_tag}-settings.json"
    journal = out_dir / f"{run_tag}-journal.jsonl"
    settings.write_text(
        json.dumps(
            {
                "database": top.database,
                "password": PASSWORD,
                "profile": "baseline" if setup.get("baseline") else "suite",
                "run": run_tag,
                "users": seed["users"],
                "seed": seed,
                "counts": counts,
            }
        ),
        encoding="utf-8",
    )
    classes = {
        "agent": "Agent",
        "dispatcher": "Dispatcher",
        "engineer": "Engineer",
        "warehouse": "Warehouse",
        "hr": "Hr",
        "customer": "Customer",
    }
    users = sum(counts.values())
    cmd = [
        str(locust_program()),
        "-f",
        str(BENCH / "locustfile_day.py"),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(args.spawn_rate),
        "-t",
        f"{int(args.minutes * 60)}s",
        "--stop-timeout",
        "60",
        "--host",
        top.url,
        "--csv",
        str(out_dir / run_tag),
        "--only-summary",
        "--loglevel",
        "WARNING",
        *(classes[role] for role, count in counts.items() if count),
    ]
    env = dict(
        os.environ,
        I18B_DAY_SETTINGS=str(settings),
        I18B_DAY_JOURNAL=str(journal),
        PYTHONPATH=str(BENCH),
    )
    say(f"Locust: {users} users ({counts}), {args.minutes:g} min on {top.url}")
    with open(out_dir / f"{run_tag}-locust.log", "w", encoding="utf-8") as log:
        # Locust exits 1 when a sample failed: the figures say which
        subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
    stats = day_mix.read_stats_file(out_dir / f"{run_tag}_stats.csv")
    return stats, journal


def month_end(top, seed):
    """HR computes the month once the day is over: the assessments the
    consistency check computes again."""
    session = WebSession(top.url, top.database)
    session.authenticate(seed["users"]["hr"][0], PASSWORD)
    wizard = session.call(
        "aftersales.kpi.month", "create", [{"month": time.strftime("%Y-%m-01")}]
    )
    session.call("aftersales.kpi.month", "action_compute", wizard, button=True)


def one_run(name, args, round_index, out_dir):
    setup = SETUPS[name]
    baseline = setup.get("baseline", False)
    top = Topology(
        nodes=setup["nodes"],
        replica=setup["replica"],
        workers=args.workers,
        base_dir=args.dir,
        database=args.baseline_database if baseline else args.database,
        modules=["helpdesk_mgmt"] if baseline else None,
    )
    roles = day_mix.BASELINE_ROLES if baseline else None
    counts = day_mix.allocate(args.agents if baseline else args.users, roles)
    run_tag = f"r{round_index}{name}{uuid.uuid4().hex[:6]}"
    with top:
        seed = bench_python(
            "day_seed.py", *database_args(top), *(["--baseline"] if baseline else [])
        )
        load = os.getloadavg()
        stats, journal = run_locust(top, setup, args, seed, counts, run_tag, out_dir)
        load_after = os.getloadavg()
        if not baseline:
            month_end(top, seed)
        time.sleep(1)  # the last lines of the logs
        report = bench_python(
            "day_consistency.py",
            *database_args(top),
            f"--journal={journal}",
            f"--run={run_tag}",
            "--logs",
            *(str(node.log) for node in top.nodes),
        )
    report["setup"] = setup["label"]
    report["run"] = run_tag
    report["users"] = counts
    report["load"] = [round(load[0], 2), round(load_after[0], 2)]
    report["samples"] = {
        "server errors": _server_error_samples(out_dir / f"{run_tag}_failures.csv"),
        "journal": len(read_journal(journal)),
    }
    say(summary_line(report))
    return stats, report


def _server_error_samples(path):
    """Samples Locust recorded as server errors (not refusals)."""
    import csv

    if not path.exists():
        return 0
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(
            int(row.get("Occurrences") or 0)
            for row in csv.DictReader(handle)
            if row.get("Method") == "server error"
        )


def summary_line(report):
    writes = report["writes"]
    problems = sum(len(v) for v in report["problems"].values())
    return (
        f"{report['setup']}: {writes['acknowledged']} requests acknowledged, "
        f"{len(writes['lost'])} lost, {len(writes['duplicated'])} duplicated, "
        f"{report['logs']['server_errors']} server errors in the logs, "
        f"{report['samples']['server errors']} server errors seen by users, "
        f"{report['logs']['retried']} serialization failures retried "
        f"({report['logs']['given_up']} given up), {problems} other problems; "
        f"load {report['load'][0]} -> {report['load'][1]}: "
        + (
            "OK"
            if report["ok"] and not report["samples"]["server errors"]
            else "FAILED"
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=12, help="per suite run")
    parser.add_argument(
        "--agents",
        type=int,
        default=None,
        help="agents of the baseline run (default: as many as a suite run has)",
    )
    parser.add_argument("--spawn-rate", type=float, default=2)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2, help="per node")
    parser.add_argument("--setups", default="one,two,replica,baseline")
    parser.add_argument("--dir", default="/var/tmp/i18b-scaling")
    parser.add_argument("--database", default="i18b_day")
    parser.add_argument("--baseline-database", default="i18b_bare")
    parser.add_argument("--out", default="/var/tmp/i18b-scaling/load-day")
    parser.add_argument("--json", help="also write the figures and checks here")
    args = parser.parse_args()
    if args.agents is None:
        args.agents = day_mix.allocate(args.users)["agent"]
    names = args.setups.split(",")
    unknown = set(names) - set(SETUPS)
    if unknown:
        parser.error(f"unknown set-ups: {', '.join(sorted(unknown))}")
    stop_on_sigterm()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    locust_program()
    rounds = {name: [] for name in names}
    reports = []
    for round_index in range(args.rounds):
        order = names if round_index % 2 == 0 else list(reversed(names))
        for name in order:
            stats, report = one_run(name, args, round_index, out_dir)
            rounds[name].append(stats)
            reports.append(report)
    merged = {
        SETUPS[name]["label"]: day_mix.merge_rounds(rounds[name]) for name in names
    }
    labels = [SETUPS[name]["label"] for name in names]
    print()
    print(
        f"{args.users} simulated users per suite run ({day_mix.allocate(args.users)}), "
        f"{args.agents} agents on the baseline, {args.minutes:g} min per run, "
        f"{args.rounds} round(s), {args.workers} workers per node, "
        f"{os.cpu_count()} CPUs"
    )
    print(day_mix.side_by_side(merged, labels))
    print()
    print(day_mix.table(merged, labels))
    print()
    for report in reports:
        print("- " + summary_line(report))
        for kind, problems in report["problems"].items():
            for problem in problems[:10]:
                print(f"  - {kind}: {problem}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"figures": merged, "checks": reports}, indent=2, default=str),
            encoding="utf-8",
        )
    if not all(r["ok"] and not r["samples"]["server errors"] for r in reports):
        sys.exit(1)


if __name__ == "__main__":
    main()
