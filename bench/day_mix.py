# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A department's day in minutes (bench/locust_day.py): who works, what each
does how often, and the figures Locust gives back. Plain Python: no Odoo, no
Locust (tests/test_locust_day.py tests it without a server)."""

import csv
import math
import re

#: the roles of the day, in the order the users are given out, with their
#: share of the simulated users and the weight of each of their tasks; a task
#: samples the actions of the same name ("dispatch" samples "dispatch: rank"
#: then "dispatch: confirm", "visit: next step" samples "visit: check in" or
#: "visit: check out signed", whichever the engineer's next visit needs)
ROLES = {
    "agent": {
        "share": 4,
        "tasks": {
            "request: create": 6,
            "request: classify": 5,
            "request: open list": 3,
            "consultation: answer": 2,
            "survey: send link": 1,
        },
    },
    "dispatcher": {
        "share": 1,
        "tasks": {"dispatch": 1},
    },
    "engineer": {
        "share": 3,
        "tasks": {"jobs: open": 2, "visit: next step": 3},
    },
    "warehouse": {
        "share": 1,
        "tasks": {"parts: reserve": 3, "parts: issue": 2},
    },
    "hr": {
        "share": 1,
        "tasks": {"kpi: pivot": 4, "kpi: quality report": 1, "kpi: compute month": 1},
    },
    "customer": {
        "share": 2,
        "tasks": {"survey: answer": 1},
    },
}

#: what the bare helpdesk_mgmt baseline does: the agents' request actions
BASELINE_ROLES = ("agent",)
BASELINE_TASKS = ("request: create", "request: classify", "request: open list")

#: seconds a simulated user waits between two actions (a person reading,
#: typing, talking to a customer)
WAIT_SECONDS = (2.0, 6.0)
#: the KPI analyses HR opens (and the replica check reads on the standby),
#: each with the count measure its pivot shows
ANALYSES = {
    "aftersales.kpi.request.report": "request_count",
    "aftersales.kpi.clock.report": "clock_count",
    "aftersales.kpi.visit.report": "visit_count",
    "aftersales.kpi.complaint.report": "complaint_count",
    "aftersales.kpi.survey.report": "survey_count",
    "aftersales.kpi.penalty.report": "penalty_count",
}

#: the users of each role the seed makes: the most simulated users of a role
#: a run can log in (each simulated user is a real user of his own)
SEED_USERS = {
    "agent": 8,
    "dispatcher": 3,
    "engineer": 8,
    "warehouse": 3,
    "hr": 3,
    "customer": 8,
}

REFERENCE = re.compile(r"\[(i18b-[A-Za-z0-9]+-[A-Za-z0-9]+-\d+)\]")


def allocate(users, roles=None):
    """Split ``users`` simulated users among ``roles`` (default: every role)
    in proportion to their shares, each role at least one when there are
    enough users, the rest by the largest remainders. ``{role: count}``."""
    roles = list(roles or ROLES)
    if users < 0:
        raise ValueError("a negative number of users")
    if users < len(roles):
        # not enough for every role: the first ones, one each
        return {role: 1 if index < users else 0 for index, role in enumerate(roles)}
    total = sum(ROLES[role]["share"] for role in roles)
    exact = {role: users * ROLES[role]["share"] / total for role in roles}
    counts = {role: max(1, math.floor(exact[role])) for role in roles}
    while sum(counts.values()) < users:
        role = max(roles, key=lambda r: (exact[r] - counts[r], -roles.index(r)))
        counts[role] += 1
    while sum(counts.values()) > users:
        role = max(
            (r for r in roles if counts[r] > 1),
            key=lambda r: (counts[r] - exact[r], -roles.index(r)),
        )
        counts[role] -= 1
    for role, count in counts.items():
        if count > SEED_USERS[role]:
            raise ValueError(
                f"{count} {role} users asked, the seed makes {SEED_USERS[role]}"
            )
    return counts


def task_weights(role, baseline=False):
    """``{action: weight}`` of a role; on the baseline only its request actions."""
    tasks = dict(ROLES[role]["tasks"])
    if baseline:
        tasks = {name: w for name, w in tasks.items() if name in BASELINE_TASKS}
    return tasks


def reference(run, user, number):
    """The unique reference a simulated user puts in the name of a request."""
    return f"i18b-{run}-{user}-{number}"


def references_in(text):
    return REFERENCE.findall(text or "")


# -- what Locust measured ------------------------------------------------------------


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read_stats(rows):
    """Locust's ``<prefix>_stats.csv`` rows (dicts) as ``{action: figures}``:
    requests, failures, requests/s, p50 and p95 in ms. The "Aggregated" row is
    kept under its name."""
    stats = {}
    for row in rows:
        name = row.get("Name")
        if not name:
            continue
        stats[name] = {
            "requests": int(_number(row.get("Request Count")) or 0),
            "failures": int(_number(row.get("Failure Count")) or 0),
            "rps": _number(row.get("Requests/s")) or 0.0,
            "p50": _number(row.get("50%")),
            "p95": _number(row.get("95%")),
        }
    return stats


def read_stats_file(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return read_stats(csv.DictReader(handle))


def merge_rounds(rounds):
    """Medians over rounds of ``{action: figures}``: the requests and failures
    are summed, requests/s, p50 and p95 are the medians of the rounds that
    measured the action."""
    names = sorted({name for stats in rounds for name in stats})
    merged = {}
    for name in names:
        rows = [stats[name] for stats in rounds if name in stats]
        merged[name] = {
            "requests": sum(r["requests"] for r in rows),
            "failures": sum(r["failures"] for r in rows),
            "rps": _median([r["rps"] for r in rows]),
            "p50": _median([r["p50"] for r in rows if r["p50"] is not None]),
            "p95": _median([r["p95"] for r in rows if r["p95"] is not None]),
            "rounds": len(rows),
        }
    return merged


def _median(values):
    values = sorted(values)
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def table(results, order):
    """A Markdown table: one row per set-up and action, in ``order`` of the
    set-ups; ``results`` maps a set-up's label to its merged figures."""
    lines = [
        "| set-up | action | requests | requests/s | p50 ms | p95 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for label in order:
        for name, row in sorted(results.get(label, {}).items()):
            if name == "Aggregated":
                continue
            lines.append(
                f"| {label} | {name} | {row['requests']} | {row['rps']:.2f} "
                f"| {_ms(row['p50'])} | {_ms(row['p95'])} | {row['failures']} |"
            )
    return "\n".join(lines)


def _ms(value):
    return "-" if value is None else f"{value:.0f}"


def side_by_side(results, order):
    """A Markdown table with one row per action and one column per set-up (in
    ``order``), each cell "requests/s · p50 · p95 · errors"; an action a
    set-up did not run is "-"."""
    names = sorted(
        {name for label in order for name in results.get(label, {})} - {"Aggregated"}
    )
    lines = [
        "| action | " + " | ".join(order) + " |",
        "|---|" + "---|" * len(order),
    ]
    for name in names:
        cells = []
        for label in order:
            row = results.get(label, {}).get(name)
            cells.append(
                "-"
                if row is None
                else f"{row['rps']:.2f} · {_ms(row['p50'])} · {_ms(row['p95'])} "
                f"· {row['failures']}"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
