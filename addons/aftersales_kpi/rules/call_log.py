# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hotline's call log (SPEC: the response time of a call is the delay the
telephony system recorded between the call's start and its answer).

The telephony provider exports its calls as ``.csv``, ``.xls`` or ``.xlsx``:
one row per call with the caller's number, the call's start, the moment it was
answered (empty: nobody answered), the agent and the duration. Columns are
found by their header, in English or in Chinese, in any order.

This module checks the header and every row (``check_rows``);
``call_matching.py`` matches each answered call to the request an agent
created from it, ``csv_text.py`` reads a CSV export. It never raises on what
a file holds: every problem becomes a :class:`Problem` with a code and
parameters, which the Odoo layer turns into a sentence. Lines are numbered as
the file shows them: the header is line 1.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from odoo.addons.aftersales_sop.rules.cells import (
    CellError,
    CellProblem,
    is_blank,
    normalize_label,
    text_value,
)
from odoo.addons.aftersales_sop.rules.cells import shorten as short


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    aliases: tuple[str, ...]


#: the columns of a call log; the first English and the first Chinese alias
#: make the template's header (matching ignores case, spaces, underscores,
#: "*", brackets and a trailing colon)
COLUMNS = (
    Column(
        "caller",
        True,
        (
            "Caller Number",
            "Caller",
            "Caller ID",
            "Calling Number",
            "From",
            "Phone",
            "主叫号码",
            "来电号码",
            "主叫",
            "客户号码",
            "电话号码",
        ),
    ),
    Column(
        "start",
        True,
        (
            "Call Start",
            "Start Time",
            "Call Time",
            "Started",
            "Ring Time",
            "呼入时间",
            "来电时间",
            "开始时间",
            "呼叫时间",
            "振铃时间",
        ),
    ),
    Column(
        "answered",
        True,
        (
            "Answered At",
            "Answer Time",
            "Answered",
            "Pickup Time",
            "接听时间",
            "应答时间",
            "摘机时间",
        ),
    ),
    Column(
        "agent",
        False,
        (
            "Agent",
            "Agent ID",
            "Agent Name",
            "Extension",
            "接听坐席",
            "坐席",
            "坐席工号",
            "坐席姓名",
            "客服",
            "分机号",
        ),
    ),
    Column(
        "duration",
        False,
        (
            "Duration",
            "Duration (s)",
            "Talk Time",
            "Call Duration",
            "通话时长",
            "时长",
            "通话时长（秒）",
        ),
    ),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
#: a call log covers a day or a month, not years: a call is not this old
MAX_CALL_AGE_DAYS = 3660
#: a call lasts less than this
MAX_DURATION_SECONDS = 24 * 3600
#: how far a call's start may be after the moment the file is checked (the
#: telephony's clock and the server's are not the same)
CLOCK_SKEW = timedelta(minutes=2)


@dataclass(frozen=True)
class Problem:
    code: str
    line: int = 0
    column: str | None = None
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Call:
    """A call of the log, its times local to the telephony system."""

    line: int
    caller: str  # E.164
    caller_raw: str
    start: datetime
    answered: datetime | None
    agent: str | None
    duration: int | None  # seconds

    @property
    def answer_seconds(self) -> int | None:
        """The delay from the call's start to its answer."""
        if self.answered is None:
            return None
        return int((self.answered - self.start).total_seconds())

    @property
    def end(self) -> datetime:
        """When the call ended: its answer plus its duration (its start when
        nobody answered)."""
        base = self.answered or self.start
        return base + timedelta(seconds=self.duration or 0)


@dataclass
class SheetCheck:
    row_count: int = 0
    calls: list[Call] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not self.file_problems


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def template_header(chinese: bool = False) -> list[str]:
    """The header of the template: each column's first English (or Chinese)
    alias."""
    header = []
    for column in COLUMNS:
        names = [a for a in column.aliases if _is_chinese(a) == chinese]
        header.append((names or column.aliases)[0])
    return header


def map_header(cells: Sequence) -> tuple[dict[str, int], list[str], list[Problem]]:
    """``({column key: index}, ignored headers, problems)`` of a header row."""
    wanted = {
        normalize_label(alias): column.key
        for column in COLUMNS
        for alias in column.aliases
    }
    found: dict[str, int] = {}
    ignored: list[str] = []
    duplicates: list[str] = []
    for index, cell in enumerate(cells):
        if is_blank(cell):
            continue
        key = wanted.get(normalize_label(cell))
        if key is None:
            ignored.append(short(cell))
        elif key in found:
            duplicates.append(short(cell))
        else:
            found[key] = index
    problems = []
    missing = [c.key for c in COLUMNS if c.required and c.key not in found]
    if missing:
        problems.append(Problem("missing_columns", line=1, params={"columns": missing}))
    if duplicates:
        problems.append(
            Problem("duplicate_columns", line=1, params={"columns": duplicates})
        )
    return found, ignored, problems


# -- cells -----------------------------------------------------------------------

_DATETIME = re.compile(
    r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?)?"
)
_DURATION = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})")


def _excel_datetime(serial: float, datemode: int) -> datetime:
    """The moment of an Excel date-time serial (``datemode`` 1: 1904)."""
    if isinstance(serial, bool) or not math.isfinite(serial) or serial < 1:
        raise CellProblem("bad_datetime", value=str(serial))
    base = datetime(1904, 1, 1) if datemode == 1 else datetime(1899, 12, 30)
    moment = base + timedelta(days=float(serial))
    return moment.replace(microsecond=0)


def datetime_value(value, datemode: int = 0) -> datetime | None:
    """The moment a cell holds, to the second: a date-time cell, an Excel
    serial, or a text with the year first (2026-09-03 10:00:05,
    2026/9/3 10:00:05, 2026年9月3日 10:00:05)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, bool):
        raise CellProblem("bad_datetime", value=str(value).upper())
    if isinstance(value, int | float):
        return _excel_datetime(value, datemode)
    text = " ".join(str(value).split())
    match = _DATETIME.fullmatch(text)
    if match:
        parts = [int(part) if part else 0 for part in match.groups()]
        try:
            return datetime(*parts)
        except ValueError as error:  # 2026-02-30, 25:00
            raise CellProblem("bad_datetime", value=short(text)) from error
    raise CellProblem("bad_datetime", value=short(text))


def duration_value(value) -> int | None:
    """A duration in seconds: a number of seconds, ``mm:ss`` or ``hh:mm:ss``,
    or a time cell."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    seconds = None
    if isinstance(value, bool):
        seconds = None
    elif isinstance(value, timedelta):
        seconds = int(value.total_seconds())
    elif hasattr(value, "hour") and hasattr(value, "second"):  # a time, a datetime
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, int | float):
        seconds = int(value) if math.isfinite(value) and value >= 0 else None
    else:
        text = str(value).strip()
        match = _DURATION.fullmatch(text)
        if re.fullmatch(r"\d{1,6}(\.\d+)?", text):
            seconds = int(float(text))
        elif match:
            hours, minutes, secs = (int(part or 0) for part in match.groups())
            seconds = hours * 3600 + minutes * 60 + secs
    if seconds is None or not 0 <= seconds < MAX_DURATION_SECONDS:
        raise CellProblem("bad_duration", value=short(str(value)))
    return seconds


# -- rows --------------------------------------------------------------------------


def check_row(
    line: int,
    cells: Sequence,
    columns: dict[str, int],
    phone: Callable[[str], str],
    now: datetime,
    datemode: int = 0,
) -> tuple[Call | None, list[Problem]]:
    """The call of a row, or its problems (``phone``: the caller's number in
    E.164, raising :class:`CellProblem` ``bad_phone``; ``now``: the
    telephony's local time, a call cannot start after it)."""

    def cell(key):
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    values, problems = {}, []
    readers = {
        "caller": lambda raw: text_value(raw, 64),
        "start": lambda raw: datetime_value(raw, datemode),
        "answered": lambda raw: datetime_value(raw, datemode),
        "agent": lambda raw: text_value(raw, 64),
        "duration": duration_value,
    }
    for key, read in readers.items():
        raw = cell(key)
        try:
            values[key] = read(raw)
        except CellProblem as problem:
            problems.append(Problem(problem.code, line, key, problem.params))
    if problems:
        return None, problems
    caller, start, answered = values["caller"], values["start"], values["answered"]
    for key in ("caller", "start"):
        if values[key] is None:
            problems.append(Problem("required", line, key))
    if problems:
        return None, problems
    try:
        number = phone(caller)
    except CellProblem as problem:
        return None, [Problem(problem.code, line, "caller", problem.params)]
    if start > now + CLOCK_SKEW or start < now - timedelta(days=MAX_CALL_AGE_DAYS):
        problems.append(
            Problem(
                "start_out_of_range", line, "start", {"value": start.isoformat(" ")}
            )
        )
    if answered is not None and answered < start:
        problems.append(
            Problem(
                "answered_before_start",
                line,
                "answered",
                {"answered": answered.isoformat(" "), "start": start.isoformat(" ")},
            )
        )
    if answered is not None and answered - start > timedelta(
        seconds=MAX_DURATION_SECONDS
    ):
        problems.append(
            Problem(
                "answer_too_late", line, "answered", {"value": answered.isoformat(" ")}
            )
        )
    if problems:
        return None, problems
    return (
        Call(
            line=line,
            caller=number,
            caller_raw=caller,
            start=start,
            answered=answered,
            agent=values["agent"],
            duration=values["duration"],
        ),
        [],
    )


def check_rows(
    rows: Iterable[Sequence],
    phone: Callable[[str], str],
    now: datetime,
    datemode: int = 0,
    max_rows: int = 200_000,
) -> SheetCheck:
    """Check a whole log: the header (first row), then each row; blank rows
    are skipped; the same call twice in the file is reported."""
    check = SheetCheck()
    rows = iter(rows)
    header = next(rows, None)
    if header is None or all(is_blank(cell) for cell in header):
        check.file_problems.append(Problem("no_header", line=1))
        return check
    columns, check.ignored_columns, problems = map_header(header)
    if problems:
        check.file_problems.extend(problems)
        return check
    seen: dict[tuple[str, datetime], int] = {}
    for line, cells in enumerate(rows, start=2):
        if all(is_blank(cell) for cell in cells):
            continue
        check.row_count += 1
        if check.row_count > max_rows:
            check.file_problems.append(
                Problem("too_many_rows", params={"max": max_rows})
            )
            return check
        call, problems = check_row(line, cells, columns, phone, now, datemode)
        if call is not None:
            key = (call.caller, call.start)
            if key in seen:
                problems = [
                    Problem("duplicate_call", line, "start", {"first": seen[key]})
                ]
                call = None
            else:
                seen[key] = line
        check.problems.extend(problems)
        if call is not None:
            check.calls.append(call)
    if not check.row_count:
        check.file_problems.append(Problem("no_rows"))
    return check
