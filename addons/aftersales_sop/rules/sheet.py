# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The header and the rows of a spreadsheet, for every import of the suite
(no ``odoo`` import).

An import declares its :class:`Columns` and checks its rows with
:func:`check_sheet`: the header is mapped (columns in any order, labels in
English or Chinese, columns the import does not know ignored and listed), then
each non-blank row is read cell by cell (:func:`read_cells`) and its values
handed to the import's own row check. What is wrong becomes a
:class:`Problem` with a code and parameters, which the Odoo layer turns into a
translated sentence; lines are numbered as the spreadsheet shows them (the
header is line 1).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from .cells import (
    CellError,
    CellProblem,
    choice_value,
    date_value,
    datetime_value,
    duration_value,
    is_blank,
    normalize_label,
    shorten,
    text_value,
    whole_number,
)


@dataclass(frozen=True)
class Column:
    """A column an import reads.

    ``required``: the header must have it; its cells must be filled unless
    ``blank_allowed``. The first English and the first Chinese alias make the
    template's header; the others are accepted too. ``kind`` says how a cell is
    read: ``text`` (at most ``max_length`` characters), ``date`` (from
    ``earliest`` to the day of the check when ``earliest`` is given),
    ``choice`` (a key or a word of ``choices``: ``((key, (words, ...)), ...)``),
    ``number`` (a whole number from ``low`` to ``high``), ``datetime`` (a
    moment, to the second) or ``duration`` (whole seconds).
    """

    key: str
    required: bool
    aliases: tuple[str, ...]
    max_length: int = 128
    kind: str = "text"
    blank_allowed: bool = False
    choices: tuple = ()
    low: int = 0
    high: int = 0
    earliest: date | None = None


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
    #: the row is imported all the same; the user is told
    warning: bool = False


@dataclass
class SheetCheck:
    """The outcome of :func:`check_sheet`."""

    file_problems: list[Problem] = field(default_factory=list)
    rows: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: about rows that are imported all the same
    warnings: list[Problem] = field(default_factory=list)
    #: header labels of the columns the import does not read
    ignored_columns: list[str] = field(default_factory=list)
    row_count: int = 0

    @property
    def readable(self) -> bool:
        """The header is right: rows can be imported."""
        return not self.file_problems


class Columns(tuple):
    """The columns of an import, in the order of its template."""

    def template_header(self, chinese: bool = False) -> list[str]:
        return template_header(self, chinese)

    def map_header(self, cells: Sequence) -> HeaderMap:
        return map_header(cells, self)

    @property
    def by_key(self) -> dict[str, Column]:
        return {column.key: column for column in self}


class HeaderMap(NamedTuple):
    """A header row read against the columns of an import."""

    #: column key -> index of its cell in a row
    mapping: dict[str, int]
    #: a required column missing, a column given twice
    problems: list[Problem]
    #: labels of the columns the import does not know
    ignored: list[str]


# -- header ----------------------------------------------------------------------


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def template_header(columns: Sequence[Column], chinese: bool = False) -> list[str]:
    """The header of a downloadable template, in English or in Chinese."""
    return [
        next(a for a in column.aliases if _is_chinese(a) == chinese)
        for column in columns
    ]


def aliases(columns: Sequence[Column]) -> dict[str, str]:
    """``{normalized label: column key}`` of every label the columns accept."""
    return {
        normalize_label(alias): column.key
        for column in columns
        for alias in column.aliases
    }


def map_header(cells: Sequence, columns: Sequence[Column]) -> HeaderMap:
    """The :class:`HeaderMap` of a header row.

    A column the import does not know is ignored (its label is listed); a
    missing required column or a column given twice is a problem.
    """
    labels = aliases(columns)
    mapping, ignored, duplicates = {}, [], []
    for index, cell in enumerate(cells):
        if isinstance(cell, CellError):
            ignored.append(shorten(cell))
            continue
        label = normalize_label(cell)
        if not label:
            continue
        key = labels.get(label)
        if key is None:
            ignored.append(shorten(cell))
        elif key in mapping:
            duplicates.append(shorten(cell))
        else:
            mapping[key] = index
    problems = []
    missing = [c.key for c in columns if c.required and c.key not in mapping]
    if missing:
        problems.append(Problem("missing_columns", 1, params={"columns": missing}))
    if duplicates:
        problems.append(Problem("duplicate_columns", 1, params={"columns": duplicates}))
    return HeaderMap(mapping, problems, ignored)


# -- cells -----------------------------------------------------------------------


def read_cell(column: Column, value, today: date, datemode: int = 0):
    """The value of one cell of ``column``; raises :class:`CellProblem`."""
    if column.kind == "date":
        day = date_value(value, datemode)
        if day is not None and column.earliest is not None:
            if day > today:
                raise CellProblem("future_date", date=day)
            if day < column.earliest:
                raise CellProblem("too_old", date=day, earliest=column.earliest)
        return day
    if column.kind == "choice":
        return choice_value(value, dict(column.choices))
    if column.kind == "number":
        return whole_number(value, column.low, column.high)
    if column.kind == "datetime":
        return datetime_value(value, datemode)
    if column.kind == "duration":
        return duration_value(value)
    return text_value(value, column.max_length)


def read_cells(
    line: int,
    cells: Sequence,
    mapping: dict[str, int],
    columns: Sequence[Column],
    today: date,
    datemode: int = 0,
) -> tuple[dict, list[Problem]]:
    """``({column key: value}, problems)`` of one row: a cell that cannot be
    read, or a required cell left blank, is a problem and has no value."""
    values, problems = {}, []
    for column in columns:
        index = mapping.get(column.key)
        raw = cells[index] if index is not None and index < len(cells) else None
        try:
            value = read_cell(column, raw, today, datemode)
        except CellProblem as problem:
            problems.append(Problem(problem.code, line, column.key, problem.params))
            continue
        if value is None and column.required and not column.blank_allowed:
            problems.append(Problem("required", line, column.key))
            continue
        values[column.key] = value
    return values, problems


# -- rows ------------------------------------------------------------------------

#: ``make_row(line, values, problems) -> (row or None, problems, warnings)``:
#: an import's own check of a row whose cells were read (``values``: column
#: key -> value; ``problems``: the cells that could not be read)
MakeRow = Callable[[int, dict, list], tuple[object, list, list]]


def check_sheet(
    rows: Iterable[Sequence],
    columns: Sequence[Column],
    make_row: MakeRow,
    today: date,
    datemode: int = 0,
    max_rows: int = 100_000,
) -> SheetCheck:
    """Check a whole sheet: its header, then every non-blank row.

    A sheet with a wrong header, no data or more than ``max_rows`` lines under
    its header (blank ones included) gets file problems and nothing to import.
    Each row's cells are read (:func:`read_cells`), then ``make_row`` makes it
    a row of the import or reports it (it may remember earlier rows, to report
    a value given twice).
    """
    result = SheetCheck()
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None or all(is_blank(c) for c in header):
        result.file_problems.append(Problem("no_header", 1))
        return result
    mapping, problems, result.ignored_columns = map_header(header, columns)
    if problems:
        result.file_problems.extend(problems)
        return result
    for line, cells in enumerate(iterator, start=2):
        if line - 1 > max_rows:
            result.file_problems.append(
                Problem("too_many_rows", line, params={"max": max_rows})
            )
            result.rows.clear()
            result.problems.clear()
            result.warnings.clear()
            return result
        if all(is_blank(c) for c in cells):
            continue
        result.row_count += 1
        values, problems = read_cells(line, cells, mapping, columns, today, datemode)
        row, problems, warnings = make_row(line, values, problems)
        if row is not None:
            result.rows.append(row)
        result.problems.extend(problems)
        result.warnings.extend(warnings)
    if not result.row_count:
        result.file_problems.append(Problem("no_rows", 2))
    return result


def count_rows(rows: Iterable[Sequence], limit: int) -> int:
    """How many non-blank rows are under the header, counting no further than
    ``limit`` + 1 (enough to tell a file of more than ``limit`` rows)."""
    count = 0
    iterator = iter(rows)
    next(iterator, None)
    for cells in iterator:
        if not all(is_blank(c) for c in cells):
            count += 1
            if count > limit:
                break
    return count


# -- checked rows kept between two steps of a background import -------------------


def _iso(value) -> str:
    if isinstance(value, date):  # a datetime too, with its time
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not kept in JSON")


def rows_to_json(rows: Sequence) -> str:
    """Checked rows (dataclasses of plain values, days and moments) as JSON, a
    row a line, so that a batch of them is read without reading them all."""
    return "\n".join(
        json.dumps(asdict(row), default=_iso, ensure_ascii=False) for row in rows
    )


class JsonRows(Sequence):
    """The rows :func:`rows_to_json` wrote, as ``row_type`` again, each read
    when it is asked for."""

    def __init__(self, text: str, row_type, columns: Sequence[Column]):
        self._lines = text.split("\n") if text else []
        self._row_type = row_type
        self._days = [column.key for column in columns if column.kind == "date"]
        self._moments = [c.key for c in columns if c.kind == "datetime"]

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._row(line) for line in self._lines[index]]
        return self._row(self._lines[index])

    def _row(self, line: str):
        values = json.loads(line)
        for key in self._days:
            if values.get(key) is not None:
                values[key] = date.fromisoformat(values[key])
        for key in self._moments:
            if values.get(key) is not None:
                values[key] = datetime.fromisoformat(values[key])
        return self._row_type(**values)
