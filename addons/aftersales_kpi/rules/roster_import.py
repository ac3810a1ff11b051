# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checking the rows of an engineer roster spreadsheet (SPEC §11).

A roster lists engineers with their zone and level, and on the same row, when
there is one, a skill and a certification: an engineer with three skills takes
three rows (his own columns may repeat or stay empty on the extra rows).

The file reader (Odoo layer) turns a sheet into rows of plain values: ``None``,
``str``, ``int``, ``float``, ``bool``, ``date``/``datetime``, or a
:class:`CellError` for an error cell (``#DIV/0!``, ``#REF!``, ...). This module
checks the header and every row and never raises on what a file holds: every
problem becomes a :class:`Problem` with a code and parameters, which the Odoo
layer turns into a translated sentence. Lines are numbered as the spreadsheet
shows them: the header is line 1. Columns the import does not know are left
out and listed, they are not an error. Cells are read by the suite's one cell
reader and header layer (``aftersales_sop.rules.cells`` and ``.sheet``), as
the registration import reads them.

What needs the database (employees, users, zones, product categories) is
checked by the Odoo layer on the rows this module accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from odoo.addons.aftersales_sop.rules import sheet
from odoo.addons.aftersales_sop.rules.cells import shorten
from odoo.addons.aftersales_sop.rules.sheet import Column, Columns, Problem, SheetCheck

#: choices: key -> the words accepted for it (English, Chinese)
LEVELS = {"senior": ("Senior", "高级", "资深"), "junior": ("Junior", "初级", "普通")}
FAULT_TYPES = {
    "hardware": ("Hardware", "硬件"),
    "software": ("Software", "软件"),
    "appearance": ("Appearance", "外观"),
}

#: no certification was issued before this day
EARLIEST_ISSUE = date(1980, 1, 1)
MAX_VALIDITY_MONTHS = 120

#: the columns of a roster; the first English and the first Chinese alias make
#: the template's header, the others are accepted too (matching ignores case,
#: spaces, underscores, "*", brackets and a trailing colon)
COLUMNS = Columns(
    (
        Column(
            "employee", True, ("Engineer", "Employee", "Name", "工程师", "员工", "姓名")
        ),
        Column(
            "badge",
            False,
            ("Badge ID", "Employee ID", "Employee Number", "工号", "员工编号"),
            max_length=64,
        ),
        Column(
            "login", False, ("User Login", "Login", "User", "登录账号", "用户", "账号")
        ),
        Column(
            "mobile",
            False,
            ("Mobile", "Mobile Phone", "Phone", "手机", "手机号", "电话"),
            max_length=64,
        ),
        Column(
            "zone", False, ("Zone", "Service Zone", "City", "服务区域", "区域", "城市")
        ),
        Column(
            "level",
            False,
            ("Level", "Engineer Level", "级别", "工程师级别"),
            kind="choice",
            choices=tuple(LEVELS.items()),
        ),
        Column(
            "fault_type",
            False,
            ("Skill Fault Type", "Fault Type", "技能故障类型", "故障类型"),
            kind="choice",
            choices=tuple(FAULT_TYPES.items()),
        ),
        Column(
            "skill_category",
            False,
            ("Skill Product Category", "Skill Category", "技能产品类别", "技能类别"),
        ),
        Column(
            "skill_level",
            False,
            ("Skill Level", "技能级别"),
            kind="choice",
            choices=tuple(LEVELS.items()),
        ),
        Column(
            "certificate",
            False,
            (
                "Certificate Number",
                "Certificate",
                "Certification",
                "证书编号",
                "认证编号",
            ),
            max_length=64,
        ),
        Column(
            "certificate_category",
            False,
            ("Certified Product Category", "Certification Category", "认证产品类别"),
        ),
        Column(
            "issued",
            False,
            ("Issued On", "Date Issued", "Issue Date", "发证日期"),
            kind="date",
            earliest=EARLIEST_ISSUE,
        ),
        Column(
            "validity_months",
            False,
            (
                "Validity (months)",
                "Validity Months",
                "Validity",
                "有效期（月）",
                "有效期",
            ),
            kind="number",
            low=1,
            high=MAX_VALIDITY_MONTHS,
        ),
    )
)
SKILL_KEYS = ("fault_type", "skill_category", "skill_level")
CERTIFICATE_KEYS = ("certificate_category", "issued", "validity_months")
#: the engineer's own columns: rows of one engineer must not disagree on them
ENGINEER_KEYS = ("employee", "badge", "login", "mobile", "zone", "level")


@dataclass(frozen=True)
class Row:
    """A row whose cells are all well-formed."""

    line: int
    employee: str
    badge: str | None = None
    login: str | None = None
    mobile: str | None = None
    zone: str | None = None
    level: str | None = None
    fault_type: str | None = None
    skill_category: str | None = None
    skill_level: str | None = None
    certificate: str | None = None
    certificate_category: str | None = None
    issued: date | None = None
    validity_months: int | None = None

    @property
    def engineer_key(self) -> str:
        """Rows with the same name are the same engineer (two engineers of the
        same name cannot share a file: their badges would disagree)."""
        return self.employee.casefold()

    @property
    def has_skill(self) -> bool:
        return any(getattr(self, key) is not None for key in SKILL_KEYS)

    @property
    def has_certificate(self) -> bool:
        return self.certificate is not None


# -- rows ------------------------------------------------------------------------


def _row_problems(line: int, values: dict) -> list[Problem]:
    """What is wrong with a row whose cells were all read."""
    problems = []
    if values.get("certificate") is None:
        given = [k for k in CERTIFICATE_KEYS if values.get(k) is not None]
        if given:
            problems.append(
                Problem("certificate_required", line, "certificate", {"columns": given})
            )
    elif "issued" in values and values["issued"] is None:
        problems.append(Problem("issued_required", line, "issued"))
    badge = values.get("badge")
    if badge is not None and not (badge.isascii() and badge.isdigit()):
        problems.append(Problem("bad_badge", line, "badge", {"value": shorten(badge)}))
    return problems


def _skill_key(row: Row):
    category = row.skill_category.casefold() if row.skill_category else None
    return (row.engineer_key, row.fault_type, category)


def _certificate_key(row: Row):
    return row.certificate.casefold()


def _conflicts(row: Row, first: dict) -> list[Problem]:
    """Where ``row`` disagrees with the first values given for its engineer
    (``first``: {column key: (value, line)})."""
    problems = []
    for key in ENGINEER_KEYS:
        value = getattr(row, key)
        if value is None or key not in first:
            continue
        other, first_line = first[key]
        if other.casefold() != value.casefold():
            problems.append(
                Problem(
                    "conflict",
                    row.line,
                    key,
                    {"value": value, "other": other, "first_line": first_line},
                )
            )
    return problems


def check_rows(
    rows: Iterable[Sequence],
    today: date,
    datemode: int = 0,
    max_rows: int = 20_000,
) -> SheetCheck:
    """A roster checked by the suite's sheet check
    (:func:`~aftersales_sop.rules.sheet.check_sheet`, at most ``max_rows``
    lines), with this import's rows: rows of one engineer that disagree on his
    badge, zone, level, user or mobile, a skill or a certificate number given
    twice: the later row is reported, as is a badge ID given to two
    engineers."""
    engineers, skills, certificates, badges = {}, {}, {}, {}

    def make_row(line, values, problems):
        problems = problems + _row_problems(line, values)
        if problems:
            return None, problems, []
        row = Row(line=line, **values)
        problems = _check_against_earlier_rows(
            row, engineers, skills, certificates, badges
        )
        return (None if problems else row), problems, []

    return sheet.check_sheet(rows, COLUMNS, make_row, today, datemode, max_rows)


def _check_against_earlier_rows(row, engineers, skills, certificates, badges):
    first = engineers.setdefault(row.engineer_key, {})
    problems = _conflicts(row, first)
    owner = badges.get(row.badge) if row.badge else None
    if not problems and owner and owner[0] != row.engineer_key:
        problems.append(
            Problem(
                "duplicate_badge",
                row.line,
                "badge",
                {"value": row.badge, "first_line": owner[1]},
            )
        )
    if not problems and row.has_skill and _skill_key(row) in skills:
        problems.append(
            Problem(
                "duplicate_skill",
                row.line,
                "fault_type",
                {"first_line": skills[_skill_key(row)]},
            )
        )
    if not problems and row.has_certificate and _certificate_key(row) in certificates:
        problems.append(
            Problem(
                "duplicate_certificate",
                row.line,
                "certificate",
                {
                    "value": row.certificate,
                    "first_line": certificates[_certificate_key(row)],
                },
            )
        )
    if problems:
        return problems
    for key in ENGINEER_KEYS:
        if getattr(row, key) is not None:
            first.setdefault(key, (getattr(row, key), row.line))
    if row.badge:
        badges.setdefault(row.badge, (row.engineer_key, row.line))
    if row.has_skill:
        skills[_skill_key(row)] = row.line
    if row.has_certificate:
        certificates[_certificate_key(row)] = row.line
    return []
