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
out and listed, they are not an error.

What needs the database (employees, users, zones, product categories) is
checked by the Odoo layer on the rows this module accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .cells import (
    CellError,
    CellProblem,
    choice_value,
    date_value,
    is_blank,
    normalize_label,
    short,
    text_value,
    whole_number,
)


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    aliases: tuple[str, ...]
    max_length: int = 128


#: the columns of a roster; the first English and the first Chinese alias make
#: the template's header, the others are accepted too (matching ignores case,
#: spaces, underscores, "*", brackets and a trailing colon)
COLUMNS = (
    Column(
        "employee", True, ("Engineer", "Employee", "Name", "工程师", "员工", "姓名")
    ),
    Column(
        "badge",
        False,
        ("Badge ID", "Employee ID", "Employee Number", "工号", "员工编号"),
        max_length=64,
    ),
    Column("login", False, ("User Login", "Login", "User", "登录账号", "用户", "账号")),
    Column(
        "mobile",
        False,
        ("Mobile", "Mobile Phone", "Phone", "手机", "手机号", "电话"),
        max_length=64,
    ),
    Column("zone", False, ("Zone", "Service Zone", "City", "服务区域", "区域", "城市")),
    Column("level", False, ("Level", "Engineer Level", "级别", "工程师级别")),
    Column(
        "fault_type",
        False,
        ("Skill Fault Type", "Fault Type", "技能故障类型", "故障类型"),
    ),
    Column(
        "skill_category",
        False,
        ("Skill Product Category", "Skill Category", "技能产品类别", "技能类别"),
    ),
    Column("skill_level", False, ("Skill Level", "技能级别")),
    Column(
        "certificate",
        False,
        ("Certificate Number", "Certificate", "Certification", "证书编号", "认证编号"),
        max_length=64,
    ),
    Column(
        "certificate_category",
        False,
        ("Certified Product Category", "Certification Category", "认证产品类别"),
    ),
    Column("issued", False, ("Issued On", "Date Issued", "Issue Date", "发证日期")),
    Column(
        "validity_months",
        False,
        ("Validity (months)", "Validity Months", "Validity", "有效期（月）", "有效期"),
    ),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
SKILL_KEYS = ("fault_type", "skill_category", "skill_level")
CERTIFICATE_KEYS = ("certificate_category", "issued", "validity_months")
#: the engineer's own columns: rows of one engineer must not disagree on them
ENGINEER_KEYS = ("employee", "badge", "login", "mobile", "zone", "level")

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


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file, a header or a cell.

    ``code`` names the problem, ``params`` fill its sentence; ``line`` is the
    spreadsheet line (0 for the whole file) and ``column`` the column key.
    """

    code: str
    line: int = 0
    column: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)


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


@dataclass
class SheetCheck:
    """The outcome of :func:`check_rows`."""

    file_problems: list[Problem] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    row_count: int = 0

    @property
    def readable(self) -> bool:
        """The header is right: rows can be imported."""
        return not self.file_problems


# -- header ----------------------------------------------------------------------


_ALIASES = {
    normalize_label(alias): column.key for column in COLUMNS for alias in column.aliases
}


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def template_header(chinese: bool = False) -> list[str]:
    """The header of the downloadable template, in English or in Chinese."""
    return [
        next(a for a in column.aliases if _is_chinese(a) == chinese)
        for column in COLUMNS
    ]


def map_header(cells: Sequence) -> tuple[dict[str, int], list[str], list[Problem]]:
    """``({column key: index}, ignored column labels, problems)`` of a header."""
    mapping, ignored, duplicates = {}, [], []
    for index, cell in enumerate(cells):
        if isinstance(cell, CellError):
            ignored.append(cell.text)
            continue
        label = normalize_label(cell)
        if not label:
            continue
        key = _ALIASES.get(label)
        if key is None:
            ignored.append(short(cell))
        elif key in mapping:
            duplicates.append(short(cell))
        else:
            mapping[key] = index
    problems = []
    missing = [c.key for c in COLUMNS if c.required and c.key not in mapping]
    if missing:
        problems.append(Problem("missing_columns", 1, params={"columns": missing}))
    if duplicates:
        problems.append(Problem("duplicate_columns", 1, params={"columns": duplicates}))
    return mapping, ignored, problems


# -- rows ------------------------------------------------------------------------


def _parse(column: Column, raw, datemode: int):
    if column.key in ("level", "skill_level"):
        return choice_value(raw, LEVELS)
    if column.key == "fault_type":
        return choice_value(raw, FAULT_TYPES)
    if column.key == "issued":
        return date_value(raw, datemode)
    if column.key == "validity_months":
        return whole_number(raw, 1, MAX_VALIDITY_MONTHS)
    return text_value(raw, column.max_length)


def check_row(
    line: int,
    cells: Sequence,
    mapping: dict[str, int],
    today: date,
    datemode: int = 0,
) -> tuple[Row | None, list[Problem]]:
    """Check one data row; return it cleaned when it has no problem."""
    problems, values = [], {}
    for column in COLUMNS:
        index = mapping.get(column.key)
        raw = cells[index] if index is not None and index < len(cells) else None
        try:
            value = _parse(column, raw, datemode)
        except CellProblem as problem:
            problems.append(Problem(problem.code, line, column.key, problem.params))
            continue
        if value is None and column.required:
            problems.append(Problem("required", line, column.key))
            continue
        values[column.key] = value
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
        problems.append(Problem("bad_badge", line, "badge", {"value": short(badge)}))
    issued = values.get("issued")
    if issued is not None:
        if issued > today:
            problems.append(Problem("future_date", line, "issued", {"date": issued}))
        elif issued < EARLIEST_ISSUE:
            problems.append(
                Problem(
                    "too_old",
                    line,
                    "issued",
                    {"date": issued, "earliest": EARLIEST_ISSUE},
                )
            )
    if problems:
        return None, problems
    return Row(line=line, **values), []


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
    """Check a whole sheet: its header, then every non-blank row.

    A sheet with a wrong header (no engineer column, a column twice), no data or
    more than ``max_rows`` lines under its header gets file problems and nothing
    to import. Rows of one engineer that disagree on his badge, zone, level,
    user or mobile, a skill or a certificate number given twice: the later row
    is reported, as is a badge ID given to two engineers.
    """
    result = SheetCheck()
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None or all(is_blank(c) for c in header):
        result.file_problems.append(Problem("no_header", 1))
        return result
    mapping, result.ignored_columns, problems = map_header(header)
    if problems:
        result.file_problems.extend(problems)
        return result
    engineers, skills, certificates, badges = {}, {}, {}, {}
    for line, cells in enumerate(iterator, start=2):
        if line - 1 > max_rows:
            result.file_problems.append(
                Problem("too_many_rows", line, params={"max": max_rows})
            )
            result.rows.clear()
            result.problems.clear()
            return result
        if all(is_blank(c) for c in cells):
            continue
        result.row_count += 1
        row, row_problems = check_row(line, cells, mapping, today, datemode)
        if row is not None:
            row_problems = _check_against_earlier_rows(
                row, engineers, skills, certificates, badges
            )
            if not row_problems:
                result.rows.append(row)
        result.problems.extend(row_problems)
    if not result.row_count:
        result.file_problems.append(Problem("no_rows", 2))
    return result


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
