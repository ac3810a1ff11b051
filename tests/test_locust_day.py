"""The load test of a department's day without a server: the mix of users and
tasks (bench/day_mix.py, which bench/locust_day.py and its Locust users share),
Locust's figures read back, and the consistency check's comparisons on given
rows (bench/day_consistency.py)."""

import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from aftersales_sop.rules import clocks as clock_rules

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import day_consistency as consistency
import day_mix

NOW = datetime(2026, 12, 7, 6, 0)


# -- the mix -------------------------------------------------------------------------


@pytest.mark.parametrize("users", [6, 7, 12, 16, 20])
def test_every_role_gets_users_in_proportion(users):
    counts = day_mix.allocate(users)
    assert sum(counts.values()) == users
    assert all(count >= 1 for count in counts.values())
    # the biggest shares get the most users
    assert counts["agent"] >= counts["engineer"] >= counts["dispatcher"]
    assert counts["agent"] >= counts["customer"]


def test_twelve_users_make_a_small_department():
    assert day_mix.allocate(12) == {
        "agent": 4,
        "dispatcher": 1,
        "engineer": 3,
        "warehouse": 1,
        "hr": 1,
        "customer": 2,
    }


def test_fewer_users_than_roles_and_the_seed_limit():
    assert day_mix.allocate(2) == {
        "agent": 1,
        "dispatcher": 1,
        "engineer": 0,
        "warehouse": 0,
        "hr": 0,
        "customer": 0,
    }
    assert day_mix.allocate(4, ["agent"]) == {"agent": 4}
    with pytest.raises(ValueError, match="the seed makes"):
        day_mix.allocate(day_mix.SEED_USERS["agent"] + 1, ["agent"])
    with pytest.raises(ValueError):
        day_mix.allocate(-1)


def test_the_baseline_does_only_the_request_actions():
    weights = day_mix.task_weights("agent", baseline=True)
    assert set(weights) == set(day_mix.BASELINE_TASKS)
    assert weights == {
        name: day_mix.ROLES["agent"]["tasks"][name] for name in day_mix.BASELINE_TASKS
    }
    assert "consultation: answer" in day_mix.task_weights("agent")


def test_every_task_of_the_mix_is_a_method_of_its_locust_user():
    """The Locust users (which need Locust to import) define a ``do_<task>``
    for every task of their role, in the class of that role."""
    source = "\n".join(
        (REPO / "bench" / name).read_text(encoding="utf-8")
        for name in ("locustfile_day.py", "day_roles_support.py")
    )
    classes = {
        match.group(2): match.start()
        for match in re.finditer(
            r"^class (\w+)\(DayUser\):\n    role = \"(\w+)\"", source, re.MULTILINE
        )
    }
    assert set(classes) == set(day_mix.ROLES)
    starts = sorted(classes.values()) + [len(source)]
    for role, start in classes.items():
        body = source[start : starts[starts.index(start) + 1]]
        for name in day_mix.ROLES[role]["tasks"]:
            method = "do_" + re.sub(r"\W+", "_", name).strip("_")
            assert f"def {method}(self)" in body, (role, name)


def test_a_reference_is_found_again_in_a_request_name():
    ref = day_mix.reference("r0one1a2b3c", "i18bagent3", 17)
    assert day_mix.references_in(f"[{ref}] The unit blows warm air") == [ref]
    assert day_mix.references_in("The unit blows warm air") == []


# -- Locust's figures ------------------------------------------------------------------


STATS = (
    "Type,Name,Request Count,Failure Count,Median Response Time,"
    "Average Response Time,Min Response Time,Max Response Time,"
    "Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
    "rpc,request: create,40,0,310,350.2,120,1900,0,0.22,0,"
    "310,380,420,460,700,900,1500,1900,1900,1900,1900\n"
    "server error,request: create,1,1,5000,5000,5000,5000,0,0.01,0.01,"
    "5000,5000,5000,5000,5000,5000,5000,5000,5000,5000,5000\n"
    "rpc,kpi: pivot,12,1,90,100,50,400,0,0.07,0.01,"
    "90,95,100,120,300,400,400,400,400,400,400\n"
    ",Aggregated,53,2,290,400,50,5000,0,0.3,0.02,"
    "290,380,420,460,700,1500,1900,5000,5000,5000,5000\n"
)


def test_locust_stats_are_read_by_action(tmp_path):
    path = tmp_path / "run_stats.csv"
    path.write_text(STATS, encoding="utf-8")
    stats = day_mix.read_stats_file(path)
    assert stats["kpi: pivot"] == {
        "requests": 12,
        "failures": 1,
        "rps": 0.07,
        "p50": 90.0,
        "p95": 400.0,
    }
    assert stats["Aggregated"]["requests"] == 53


def test_rounds_are_summed_and_their_medians_taken():
    rounds = [
        {"a": {"requests": 10, "failures": 0, "rps": 1.0, "p50": 100, "p95": 300}},
        {"a": {"requests": 12, "failures": 1, "rps": 2.0, "p50": 300, "p95": 900}},
        {
            "a": {"requests": 8, "failures": 0, "rps": 1.5, "p50": 200, "p95": 600},
            "b": {"requests": 1, "failures": 0, "rps": 0.1, "p50": None, "p95": None},
        },
    ]
    merged = day_mix.merge_rounds(rounds)
    assert merged["a"] == {
        "requests": 30,
        "failures": 1,
        "rps": 1.5,
        "p50": 200,
        "p95": 600,
        "rounds": 3,
    }
    assert merged["b"]["p95"] is None and merged["b"]["rounds"] == 1
    table = day_mix.table({"1 node": merged}, ["1 node"])
    assert "| 1 node | a | 30 | 1.50 | 200 | 600 | 1 |" in table
    assert "| 1 node | b | 1 | 0.10 | - | - | 0 |" in table
    both = day_mix.side_by_side(
        {"1 node": merged, "bare": {"a": merged["a"]}}, ["1 node", "bare"]
    )
    assert both.splitlines()[0] == "| action | 1 node | bare |"
    assert "| a | 1.50 · 200 · 600 · 1 | 1.50 · 200 · 600 · 1 |" in both
    assert "| b | 0.10 · - · - · 0 | - |" in both


# -- the consistency check's comparisons -----------------------------------------------


def test_writes_lost_duplicated_and_written_despite_an_error():
    journal = [
        {"ref": "i18b-r1-agent1-1", "ok": True},
        {"ref": "i18b-r1-agent1-2", "ok": True},
        {"ref": "i18b-r1-agent1-3", "ok": True},
        {"ref": "i18b-r1-agent2-1", "ok": False},
        {"ref": "i18b-r1-agent2-2", "ok": False},
    ]
    names = [
        "[i18b-r1-agent1-1] warm air",
        "[i18b-r1-agent1-2] warm air",
        "[i18b-r1-agent1-2] warm air",
        "[i18b-r1-agent2-1] warm air",
        "[i18b-r1-agent9-1] warm air",
        "a request of a real person",
    ]
    result = consistency.compare_writes(journal, names)
    assert result["acknowledged"] == 3
    assert result["refused"] == 2
    assert result["lost"] == ["i18b-r1-agent1-3"]
    assert result["duplicated"] == ["i18b-r1-agent1-2"]
    assert result["written_despite_error"] == ["i18b-r1-agent2-1"]
    assert result["unknown"] == ["i18b-r1-agent9-1"]
    clean = consistency.compare_writes(journal[:2], names[:2])
    assert not (clean["lost"] or clean["duplicated"] or clean["unknown"])


def _verdict(start, stop, deadline):
    return clock_rules.state(start, stop, deadline, NOW)


def _clock(id_, state, stop=None, deadline=NOW, order=None, ticket=1, clock=7):
    return {
        "id": id_,
        "ticket_id": ticket,
        "clock_id": clock,
        "dispatch_order_id": order,
        "start_date": NOW - timedelta(hours=2),
        "stop_date": stop,
        "deadline": deadline,
        "state": state,
    }


def test_clocks_are_judged_once_and_as_the_rules_say():
    late = NOW + timedelta(minutes=5)
    early = NOW - timedelta(minutes=5)
    good = [
        _clock(1, "met", stop=early),
        _clock(2, "breached", stop=late, order=10),
        _clock(3, "running", order=11),
        _clock(4, "cancelled", stop=late, order=12),
        _clock(5, "met", stop=late, deadline=None, clock=8),
    ]
    assert consistency.clock_problems(good, _verdict) == []
    wrong = [
        _clock(1, "met", stop=late),
        _clock(2, "breached", stop=early, order=10),
        _clock(3, "met", order=11),
        _clock(6, "running", order=11),
    ]
    problems = consistency.clock_problems(wrong, _verdict)
    assert "clock 1: met, the rules say breached" in problems
    assert "clock 2: breached, the rules say met" in problems
    assert "clock 3: met but never stopped" in problems
    assert "clock (1, 7, 11) runs 2 times" in problems
    assert len(problems) == 4


def test_quants_negative_over_reserved_or_out_of_step():
    quants = [
        {
            "id": 1,
            "product": "P1",
            "quantity": 5,
            "reserved": 5,
            "reserved_by_lines": 5,
        },
        {
            "id": 2,
            "product": "P2",
            "quantity": -1,
            "reserved": 0,
            "reserved_by_lines": 0,
        },
        {
            "id": 3,
            "product": "P3",
            "quantity": 2,
            "reserved": 3,
            "reserved_by_lines": 3,
        },
        {
            "id": 4,
            "product": "P4",
            "quantity": 4,
            "reserved": 1,
            "reserved_by_lines": 2,
        },
    ]
    assert consistency.quant_problems(quants) == [
        "quant 2 (P2): negative (-1)",
        "quant 3 (P3): 3 reserved of 2",
        "quant 4 (P4): 1 reserved, its move lines say 2",
    ]


def test_a_reservation_needs_a_request():
    moves = [
        {"id": 1, "part_line_id": 5, "ticket_id": 9},
        {"id": 2, "part_line_id": None, "ticket_id": None},
        {"id": 3, "part_line_id": 6, "ticket_id": None},
    ]
    assert consistency.reservation_problems(moves) == [
        "move 2 reserves without a request (no parts line)",
        "move 3 reserves without a request",
    ]


def test_penalties_against_their_recomputation():
    expected = [(10, 1), (11, 2)]
    assert (
        consistency.compare_counts("late arrival", expected, [(11, 2), (10, 1)]) == []
    )
    assert consistency.compare_counts(
        "late arrival", expected, [(10, 1), (10, 1), (12, 3)]
    ) == [
        "late arrival (10, 1): 2 records",
        "late arrival (11, 2): missing",
        "late arrival (12, 3): not found again by the re-computation",
    ]


def test_assessments_against_the_monthly_run():
    line = {"value": 80.0, "numerator": 4.0, "denominator": 5.0}
    expected = {
        "company": {"first_contact": line},
        "engineer-3": {"first_contact": line},
    }
    assert consistency.assessment_problems(expected, expected) == []
    stored = {
        "company": {"first_contact": dict(line, value=75.0, numerator=3.0)},
        "team-2": {"first_contact": line},
    }
    assert consistency.assessment_problems(expected, stored) == [
        "assessment company first_contact value: stored 75.0, computed again 80.0",
        "assessment company first_contact numerator: stored 3.0, computed again 4.0",
        "assessment engineer-3: not stored",
        "assessment team-2: not recomputed",
    ]


def test_the_servers_logs_are_counted():
    log = (
        "2026-12-07 06:00:00,500 100 ERROR i18b_day odoo.sql_db: bad query: "
        "b' UPDATE \"aftersales_part_line\" SET ...'\n"
        "ERROR: could not serialize access due to concurrent update\n \n"
        "2026-12-07 06:00:01,000 100 INFO i18b_day odoo.service.model: "
        "SERIALIZATION_FAILURE, 4 tries left, try again in 0.1 sec...\n"
        "2026-12-07 06:00:02,000 100 ERROR i18b_day odoo.http: "
        "Exception during request\n"
        "Traceback (most recent call last):\n"
        "2026-12-07 06:00:02,500 100 ERROR i18b_day odoo.sql_db: bad query: b'SELECT'\n"
        'ERROR: column "x" does not exist\n'
        "2026-12-07 06:00:03,000 101 INFO i18b_day odoo.service.model: "
        "SERIALIZATION_FAILURE, maximum number of tries reached\n"
        "2026-12-07 06:00:04,000 101 WARNING i18b_day odoo.http: a warning\n"
    )
    counts = consistency.log_counts([log, ""])
    assert counts["retried"] == 1
    assert counts["given_up"] == 1
    # the statement of the retried failure is not a server error; the others are
    assert counts["server_errors"] == 2
    assert counts["first_errors"][0].endswith("Exception during request")


def test_read_journal(tmp_path):
    path = tmp_path / "journal.jsonl"
    path.write_text('{"ref": "i18b-r-a1-1", "ok": true, "detail": ""}\n\n')
    assert consistency.read_journal(path) == [
        {"ref": "i18b-r-a1-1", "ok": True, "detail": ""}
    ]
    assert consistency.read_journal(tmp_path / "none.jsonl") == []
