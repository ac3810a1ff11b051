"""The hotline's call log (SPEC: the response time of a call is the delay the
telephony system recorded between the call's start and its answer).

The telephony provider exports its calls as ``.csv``, ``.xls`` or ``.xlsx``:
one row per call with the caller's number, the call's start, the moment it was
answered (empty: nobody answered), the agent and the duration. Columns are
found by their header, in English or in Chinese, in any order.

The file, its header and its cells are read by the suite's one import stack
(``aftersales_sop``: the file reader, ``rules/sheet.py``'s header layer and
``rules/cells.py``'s cell reader, as the registration and roster imports read
them). This module declares the call log's columns and checks what only a call
log has (``check_rows``): the caller's number in E.164, a start neither in the
future nor years ago, an answer after the start and within a day, the same call
twice. ``call_matching.py`` matches each answered call to the request an agent
created from it. It never raises on what a file holds: every problem becomes a
:class:`~aftersales_sop.rules.sheet.Problem` with a code and parameters, which
the Odoo layer turns into a sentence. Lines are numbered as the file shows
them: the header is line 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from odoo.addons.aftersales_sop.rules import sheet
from odoo.addons.aftersales_sop.rules.cells import MAX_DURATION_SECONDS, CellProblem
from odoo.addons.aftersales_sop.rules.sheet import Column, Columns, Problem, SheetCheck

#: the columns of a call log; the first English and the first Chinese alias
#: make the template's header (matching ignores case, spaces, underscores,
#: "*", brackets and a trailing colon). "Answered At" must be in the header,
#: its cell is empty for a call nobody answered.
COLUMNS = Columns(
    (
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
            max_length=64,
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
            kind="datetime",
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
            kind="datetime",
            blank_allowed=True,
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
            max_length=64,
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
            kind="duration",
        ),
    )
)
#: a call log covers a day or a month, not years: a call is not this old
MAX_CALL_AGE_DAYS = 3660
#: how far a call's start may be after the moment the file is checked (the
#: telephony's clock and the server's are not the same)
CLOCK_SKEW = timedelta(minutes=2)


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


#: the row of the import stack: a background job keeps the checked calls and
#: rebuilds them with it
Row = Call


def template_header(chinese: bool = False) -> list[str]:
    """The header of the template, in English or in Chinese."""
    return COLUMNS.template_header(chinese)


def map_header(cells: Sequence) -> sheet.HeaderMap:
    """The call log's columns found in a header row (the suite's header
    layer)."""
    return COLUMNS.map_header(cells)


def check_call(
    line: int,
    values: dict,
    phone: Callable[[str], str],
    now: datetime,
) -> tuple[Call | None, list[Problem]]:
    """The call of a row whose cells were read (``values``: column key ->
    value), or its problems. ``phone``: the caller's number in E.164, raising
    :class:`CellProblem` ``bad_phone``; ``now``: the telephony's local time, a
    call cannot start after it."""
    caller, start, answered = values["caller"], values["start"], values["answered"]
    try:
        number = phone(caller)
    except CellProblem as problem:
        return None, [Problem(problem.code, line, "caller", problem.params)]
    problems = []
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
    call = Call(
        line=line,
        caller=number,
        caller_raw=caller,
        start=start,
        answered=answered,
        agent=values.get("agent"),
        duration=values.get("duration"),
    )
    return call, []


def check_rows(
    rows: Iterable[Sequence],
    today: date | None = None,
    datemode: int = 0,
    max_rows: int = 200_000,
    *,
    phone: Callable[[str], str],
    now: datetime,
) -> SheetCheck:
    """Check a whole log with the suite's sheet check (the header, then each
    row's cells; blank rows skipped; at most ``max_rows`` lines), then each
    call (:func:`check_call`); the same call (caller and start) twice in the
    file is reported on its second line. ``today`` is not read: ``now`` is
    the moment a call cannot start after."""
    seen: dict[tuple[str, datetime], int] = {}

    def make_row(line, values, problems):
        if problems:
            return None, problems, []
        call, problems = check_call(line, values, phone, now)
        if call is None:
            return None, problems, []
        key = (call.caller, call.start)
        if key in seen:
            problem = Problem("duplicate_call", line, "start", {"first": seen[key]})
            return None, [problem], []
        seen[key] = line
        return call, [], []

    return sheet.check_sheet(rows, COLUMNS, make_row, today, datemode, max_rows)
