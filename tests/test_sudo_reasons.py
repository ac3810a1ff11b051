"""Every sudo() of the addons has its reason beside it (tools/sudo_reasons.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import sudo_reasons


def test_every_sudo_of_the_addons_says_why():
    total, missing = sudo_reasons.audit()
    assert total, "no sudo() found: the audit reads nothing"
    where = [f"{p.relative_to(sudo_reasons.REPO)}:{line}" for p, line in missing]
    assert not where, "sudo() without a '# sudo: <reason>' comment:\n" + "\n".join(
        where
    )


def test_a_reason_on_the_line_or_right_above():
    source = (
        "def f(self):\n"
        "    # sudo: the engineer reads the request's clocks, not his right\n"
        "    a = self.sudo()\n"
        "    b = self.env['x'].sudo().search([])  # sudo: a count, no data shown\n"
        "    return a, b\n"
    )
    assert sudo_reasons.unexplained(source) == []


def test_a_call_without_a_reason_is_found():
    source = (
        "def f(self):\n"
        "    # read the clocks\n"
        "    a = self.sudo()\n"
        "    # sudo: a reason for the line below only\n"
        "    b = 1\n"
        "    c = self.sudo()\n"
        "    d = self.sudo()  # sudo:\n"
        "    return a, b, c, d\n"
    )
    assert sudo_reasons.unexplained(source) == [3, 6, 7]


def test_a_chained_call_and_a_loop_header():
    source = (
        "def f(self):\n"
        "    # sudo: the warehouse's moves, read for the engineer's visit\n"
        "    moves = (\n"
        "        self.env['stock.move']\n"
        "        .sudo()\n"
        "        .search([])\n"
        "    )\n"
        "    for ticket in self.sudo():  # sudo: activities of other users\n"
        "        ticket.sudo().write({})\n"
        "    return moves\n"
    )
    # the loop's body is a statement of its own: its sudo() needs its reason
    assert sudo_reasons.unexplained(source) == [9]


def test_a_method_named_sudo_something_is_not_a_call():
    assert sudo_reasons.unexplained("def _survey_sudo(self):\n    return 1\n") == []


def test_sudo_false_drops_the_privilege_and_needs_no_reason():
    source = (
        "def f(self):\n"
        "    a = self.sudo(False)\n"
        "    b = self.sudo(True)\n"
        "    c = self.sudo(flag)\n"
        "    return a, b, c\n"
    )
    assert sudo_reasons.unexplained(source) == [3, 4]
