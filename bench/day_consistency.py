#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The consistency check of the database after a load test (issue 18, point
5; bench/locust_day.py runs it after every run, and it runs alone):

- every request a simulated user created (a unique reference in its name,
  written in the run's journal with the answer the user got) exists exactly
  once; none written twice, none lost;
- every service clock runs once (per request, clock and dispatch order) and a
  stopped one carries the verdict the clock rules give (``rules/clocks.py``
  ``state``);
- no quant is negative or reserves more than it holds, nor other than its
  move lines; no stock reservation without a request (its parts line);
- the late-arrival and repeat-repair penalties are those the addons' own code
  finds again (the on-site clock's verdict; the earlier repair and its
  engineer), one each;
- the month's draft assessments hold the figures the monthly run computes
  again (``_aftersales_totals`` and ``_aftersales_line_values``).

Nothing is written: the check runs in a transaction it rolls back. The
comparisons are plain functions of rows (tests/test_locust_day.py). Run it
with the python of an Odoo 18.0, against a running primary::

    $ODOO_PYTHON bench/day_consistency.py --db-port P --database D
        --addons-path A --data-dir DIR [--journal J] [--run TAG] [--logs L ...]
"""

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from day_mix import references_in
from day_seed import add_arguments, odoo_env

RETRIED = "tries left, try again"
GIVEN_UP = "maximum number of tries reached"
ENTRY = re.compile(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ )")
SERVER_ERROR = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
#: what PostgreSQL says of a concurrent update Odoo runs again: its sql_db
#: logs the statement as an error, then the request is retried (RETRIED)
RETRIED_FAILURES = (
    "could not serialize access",
    "deadlock detected",
    "could not obtain lock",
)

# -- the comparisons (plain rows in, problems out) -----------------------------------


def compare_writes(journal, names):
    """``journal``: ``[{"ref", "ok"}]`` as the simulated users wrote it;
    ``names``: the names of the requests in the database. Returns the counts
    and the references lost (acknowledged, not there), duplicated (there more
    than once) and written although the user got an error."""
    in_db = Counter(ref for name in names for ref in references_in(name))
    acknowledged = {entry["ref"] for entry in journal if entry["ok"]}
    refused = {entry["ref"] for entry in journal if not entry["ok"]} - acknowledged
    return {
        "acknowledged": len(acknowledged),
        "refused": len(refused),
        "in_database": sum(in_db.values()),
        "lost": sorted(ref for ref in acknowledged if in_db[ref] == 0),
        "duplicated": sorted(ref for ref, count in in_db.items() if count > 1),
        "written_despite_error": sorted(ref for ref in refused if in_db[ref]),
        "unknown": sorted(
            ref for ref in in_db if ref not in acknowledged and ref not in refused
        ),
    }


def clock_problems(rows, verdict):
    """``rows``: dicts with id, ticket_id, clock_id, dispatch_order_id,
    start_date, stop_date, deadline, state. ``verdict(start, stop, deadline)``
    gives the state of a stopped clock (the clock rules). A clock runs once per
    key; a stopped one (not cancelled) has the verdict, a running one none."""
    problems = []
    keys = Counter(
        (row["ticket_id"], row["clock_id"], row["dispatch_order_id"]) for row in rows
    )
    for key, count in sorted(keys.items(), key=str):
        if count > 1:
            problems.append(f"clock {key} runs {count} times")
    for row in rows:
        if row["state"] == "cancelled":
            continue
        if row["stop_date"]:
            expected = verdict(row["start_date"], row["stop_date"], row["deadline"])
            if row["state"] != expected:
                problems.append(
                    f"clock {row['id']}: {row['state']}, the rules say {expected}"
                )
        elif row["state"] == "met":
            problems.append(f"clock {row['id']}: met but never stopped")
    return problems


def quant_problems(quants, tolerance=1e-6):
    """``quants``: dicts with id, product, quantity, reserved and
    reserved_by_lines (the move lines' reserved quantity there)."""
    problems = []
    for quant in quants:
        name = f"quant {quant['id']} ({quant['product']})"
        if quant["quantity"] < -tolerance:
            problems.append(f"{name}: negative ({quant['quantity']:g})")
        if tolerance < quant["reserved"] > quant["quantity"] + tolerance:
            problems.append(
                f"{name}: {quant['reserved']:g} reserved of {quant['quantity']:g}"
            )
        if abs(quant["reserved"] - quant["reserved_by_lines"]) > tolerance:
            problems.append(
                f"{name}: {quant['reserved']:g} reserved, its move lines say "
                f"{quant['reserved_by_lines']:g}"
            )
    return problems


def reservation_problems(moves):
    """``moves``: the reserving stock moves, dicts with id, part_line_id and
    ticket_id (of that line)."""
    return [
        f"move {move['id']} reserves without a request"
        + ("" if move["part_line_id"] else " (no parts line)")
        for move in moves
        if not (move["part_line_id"] and move["ticket_id"])
    ]


def compare_counts(kind, expected, actual):
    """``expected``: the keys a re-computation finds (each once); ``actual``:
    the keys of the records there. Missing, extra and duplicated ones."""
    expected = Counter(expected)
    actual = Counter(actual)
    problems = []
    for key in sorted(set(expected) | set(actual), key=str):
        if actual[key] > 1:
            problems.append(f"{kind} {key}: {actual[key]} records")
        elif expected[key] and not actual[key]:
            problems.append(f"{kind} {key}: missing")
        elif actual[key] and not expected[key]:
            problems.append(f"{kind} {key}: not found again by the re-computation")
    return problems


def assessment_problems(expected, stored, fields=("value", "numerator", "denominator")):
    """``expected`` and ``stored``: ``{assessment: {kpi: {field: value}}}``."""
    problems = []
    for assessment in sorted(set(expected) | set(stored), key=str):
        want = expected.get(assessment)
        have = stored.get(assessment)
        if want is None or have is None:
            problems.append(
                f"assessment {assessment}: "
                + ("not recomputed" if want is None else "not stored")
            )
            continue
        for kpi in sorted(set(want) | set(have)):
            for field in fields:
                a = (want.get(kpi) or {}).get(field)
                b = (have.get(kpi) or {}).get(field)
                if a is None or b is None or abs(a - b) > 0.005:
                    problems.append(
                        f"assessment {assessment} {kpi} {field}: stored {b}, "
                        f"computed again {a}"
                    )
    return problems


def log_counts(texts):
    """Serialization failures retried, given up, and the ERROR entries of the
    servers' logs that are not the statement of a failure Odoo ran again."""
    errors = [
        entry
        for text in texts
        for entry in ENTRY.split(text)
        if SERVER_ERROR.match(entry)
        and not (
            "odoo.sql_db: bad query" in entry
            and any(failure in entry for failure in RETRIED_FAILURES)
        )
    ]
    return {
        "retried": sum(text.count(RETRIED) for text in texts),
        "given_up": sum(text.count(GIVEN_UP) for text in texts),
        "server_errors": len(errors),
        "first_errors": [entry.splitlines()[0][:200] for entry in errors[:5]],
    }


# -- reading the database --------------------------------------------------------------


def check(env, journal, run=None, logs=()):
    """Every check on the database of ``env``; returns the report."""
    pattern = f"[i18b-{run}-%" if run else "[i18b-%"
    names = [
        row["name"]
        for row in env["helpdesk.ticket"]
        .with_context(active_test=False)
        .search_read([("name", "=like", pattern)], ["name"])
    ]
    report = {"writes": compare_writes(journal, names)}
    report["logs"] = log_counts(
        [Path(log).read_text(encoding="utf-8", errors="replace") for log in logs]
    )
    problems, checked = {}, {}
    if "aftersales.ticket.clock" in env:
        problems = suite_problems(env, checked)
    report["problems"] = problems
    report["checked"] = checked
    writes = report["writes"]
    report["ok"] = not (
        writes["lost"]
        or writes["duplicated"]
        or writes["unknown"]
        or report["logs"]["server_errors"]
        or report["logs"]["given_up"]
        or any(problems.values())
    )
    return report


def suite_problems(env, checked):
    """The problems of each kind; ``checked`` gets how many records each
    check looked at."""
    from odoo.addons.aftersales_sop.rules import clocks as clock_rules

    now = env.cr.now().replace(tzinfo=None)

    def verdict(start, stop, deadline):
        return clock_rules.state(start, stop, deadline or None, now)

    clocks = env["aftersales.ticket.clock"].search_read(
        [],
        [
            "ticket_id",
            "complaint_id",
            "followup_id",
            "clock_id",
            "dispatch_order_id",
            "start_date",
            "stop_date",
            "deadline",
            "state",
        ],
    )
    rows = [
        {
            "id": c["id"],
            "ticket_id": _id(c["ticket_id"] or c["complaint_id"] or c["followup_id"]),
            "clock_id": _id(c["clock_id"]),
            "dispatch_order_id": _id(c["dispatch_order_id"]),
            "start_date": c["start_date"] or None,
            "stop_date": c["stop_date"] or None,
            "deadline": c["deadline"] or None,
            "state": c["state"],
        }
        for c in clocks
    ]
    quants = _quants(env)
    moves = _reserving_moves(env)
    checked.update(
        clocks=len(rows),
        stopped_clocks=sum(1 for row in rows if row["stop_date"]),
        quants=len(quants),
        reserving_moves=len(moves),
    )
    return {
        "clocks": clock_problems(rows, verdict),
        "stock": quant_problems(quants),
        "reservations": reservation_problems(moves),
        "penalties": _penalty_problems(env, verdict, checked),
        "assessments": _assessment_problems(env, checked),
    }


def _id(value):
    return value[0] if value else None


def _quants(env):
    env.cr.execute(
        """
        SELECT q.id, q.product_id, q.quantity, q.reserved_quantity,
               COALESCE((
                   SELECT SUM(ml.quantity_product_uom)
                     FROM stock_move_line ml
                     JOIN stock_move m ON m.id = ml.move_id
                    WHERE ml.product_id = q.product_id
                      AND ml.location_id = q.location_id
                      AND COALESCE(ml.lot_id, 0) = COALESCE(q.lot_id, 0)
                      AND COALESCE(ml.package_id, 0) = COALESCE(q.package_id, 0)
                      AND COALESCE(ml.owner_id, 0) = COALESCE(q.owner_id, 0)
                      AND m.state NOT IN ('done', 'cancel', 'draft')
                      AND ml.state NOT IN ('done', 'cancel')
               ), 0)
          FROM stock_quant q
          JOIN stock_location l ON l.id = q.location_id
         WHERE l.usage = 'internal'
        """
    )
    return [
        {
            "id": row[0],
            "product": f"product {row[1]}",
            "quantity": row[2],
            "reserved": row[3],
            "reserved_by_lines": row[4],
        }
        for row in env.cr.fetchall()
    ]


def _reserving_moves(env):
    moves = env["stock.move"].search(
        [("state", "in", ("assigned", "partially_available")), ("quantity", ">", 0)]
    )
    return [
        {
            "id": move.id,
            "part_line_id": move.aftersales_part_line_id.id,
            "ticket_id": move.aftersales_part_line_id.ticket_id.id,
        }
        for move in moves
    ]


def _penalty_problems(env, verdict, checked):
    from odoo.addons.aftersales_sop.rules import clocks as clock_rules

    penalties = env["aftersales.penalty"].with_context(active_test=False)
    late = penalties.search([("origin", "=", "late_arrival")])
    repeat = penalties.search([("origin", "=", "repeat_repair")])
    expected_late = []
    for order in env["aftersales.dispatch.order"].search(
        [("checkin_date", "!=", False)]
    ):
        clock = order._onsite_clock()
        if (
            clock
            and clock.stop_date
            and verdict(clock.start_date, clock.stop_date, clock.deadline)
            == clock_rules.BREACHED
        ):
            expected_late.append((order.id, order.engineer_id.employee_id.id))
    expected_repeat = []
    for ticket in env["helpdesk.ticket"].search(
        [("inquiry_class", "=", "b"), ("product_id", "!=", False)]
    ):
        if not ticket.fault_type:
            continue
        engineer = ticket._aftersales_earlier_repair()._aftersales_repair_engineer()
        if engineer:
            expected_repeat.append((ticket.id, engineer.employee_id.id))
    checked.update(
        late_arrivals=len(expected_late),
        repeat_repairs=len(expected_repeat),
        penalties=len(late) + len(repeat),
    )
    return compare_counts(
        "late arrival",
        expected_late,
        [(p.dispatch_order_id.id, p.employee_id.id) for p in late],
    ) + compare_counts(
        "repeat repair",
        expected_repeat,
        [(p.ticket_id.id, p.employee_id.id) for p in repeat],
    )


def _assessment_problems(env, checked):
    """The drafts of the current month against the monthly run's figures."""
    from odoo import fields

    from odoo.addons.aftersales_kpi.rules import kpi as kpi_rules

    Assessment = env["aftersales.kpi.assessment"]
    company = env.company
    start = kpi_rules.month_start(fields.Date.context_today(Assessment))
    drafts = Assessment.search(
        [
            ("company_id", "=", company.id),
            ("period_start", "=", start),
            ("state", "=", "draft"),
        ]
    )
    checked["assessments"] = len(drafts)
    if not drafts:
        return []
    totals = env["aftersales.kpi.figures"]._aftersales_totals(company, start)
    targets = env["aftersales.kpi.target"]._aftersales_targets(company)
    expected, stored = {}, {}
    for assessment in drafts:
        key = assessment.scope_key
        scope, res_id = (
            assessment.scope,
            assessment.engineer_id.id or assessment.team_id.id or 0,
        )
        lines = Assessment._aftersales_line_values(
            totals.get((scope, res_id), {}), targets
        )
        expected[key] = {line["kpi"]: line for line in lines}
        stored[key] = {
            line.kpi: {
                "value": line.value,
                "numerator": line.numerator,
                "denominator": line.denominator,
            }
            for line in assessment.line_ids
        }
    return assessment_problems(expected, stored)


def read_journal(path):
    if not path or not Path(path).exists():
        return []
    return [
        json.loads(line)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    parser.add_argument("--journal", help="the run's journal of created requests")
    parser.add_argument("--run", help="only the requests of this run's tag")
    parser.add_argument("--logs", nargs="*", default=[], help="the Odoo nodes' logs")
    args = parser.parse_args()
    with odoo_env(args, commit=False) as env:
        report = check(env, read_journal(args.journal), args.run, args.logs)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
