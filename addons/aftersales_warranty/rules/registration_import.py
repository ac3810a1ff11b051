# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checking the rows of a warranty registration spreadsheet (SPEC §11).

The file readers (Odoo layer) turn a sheet into rows of plain values: ``None``,
``str``, ``int``, ``float``, ``bool``, ``date``/``datetime``, or a
:class:`CellError` for an error cell (``#DIV/0!``, ``#REF!``, ...). This module
checks the header and every row, and never raises on what a file holds: every
problem becomes a :class:`Problem` with a code and parameters, which the Odoo
layer turns into a translated sentence. Lines are numbered as the spreadsheet
shows them: the header is line 1.

What needs the database (phone numbers, products, serial numbers already
registered) is checked by the Odoo layer on the rows this module accepts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class Column:
    key: str
    required: bool
    aliases: tuple[str, ...]
    max_length: int = 128


#: the columns of a registration file; the first alias of each language is the
#: template's header, the others are accepted too (matching ignores case,
#: spaces, underscores, "*" and a trailing colon)
COLUMNS = (
    Column("customer", True, ("Customer", "Customer Name", "客户", "客户名称")),
    Column(
        "phone",
        True,
        ("Phone", "Contact Phone", "Mobile", "电话", "联系电话", "手机"),
        max_length=64,
    ),
    Column(
        "product",
        True,
        ("Product", "Product Code", "Model", "产品", "产品编码", "型号", "产品型号"),
    ),
    Column(
        "serial",
        True,
        ("Serial Number", "Serial", "SN", "序列号", "机身编号"),
        max_length=64,
    ),
    Column("purchase_date", True, ("Purchase Date", "购买日期")),
    Column(
        "invoice",
        False,
        ("Invoice Number", "Invoice", "Receipt Number", "发票号", "发票号码"),
        max_length=64,
    ),
    Column("channel", False, ("Sales Channel", "Channel", "销售渠道")),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}

#: sales channels: key -> (English label, Chinese label)
CHANNELS = {
    "store": ("Retail Store", "门店"),
    "online": ("Online Shop", "电商平台"),
    "distributor": ("Distributor", "经销商"),
    "direct": ("Direct Sales", "直销"),
    "project": ("Project", "工程项目"),
    "other": ("Other", "其他"),
}

#: no registration is older than this
EARLIEST_PURCHASE = date(1980, 1, 1)
#: Excel stores numbers as doubles: integers above this have lost digits
EXACT_INTEGER_LIMIT = 10**15
#: the largest Excel date serial (9999-12-31)
MAX_EXCEL_SERIAL = 2958465


@dataclass(frozen=True)
class CellError:
    """An error value of a cell, such as ``#DIV/0!`` or ``#REF!``."""

    text: str = "#ERROR"


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
    customer: str
    phone: str
    product: str
    serial: str | None
    purchase_date: date
    invoice: str | None
    channel: str | None


@dataclass
class SheetCheck:
    """The outcome of :func:`check_rows`."""

    file_problems: list[Problem] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    row_count: int = 0

    @property
    def readable(self) -> bool:
        """The header is right: rows can be imported."""
        return not self.file_problems


class CellProblem(ValueError):
    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# -- header ----------------------------------------------------------------------


def normalize_label(value) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = text.replace("*", "").replace("_", " ").strip().rstrip(":：").strip()
    return re.sub(r"\s+", " ", text).casefold()


_ALIASES = {
    normalize_label(alias): column.key for column in COLUMNS for alias in column.aliases
}


def template_header(chinese: bool = False) -> list[str]:
    """The header of the downloadable template, in English or in Chinese."""
    header = []
    for column in COLUMNS:
        labels = [a for a in column.aliases if _is_chinese(a) == chinese]
        header.append(labels[0])
    return header


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def map_header(cells: Sequence) -> tuple[dict[str, int], list[Problem]]:
    """``{column key: index}`` of a header row, and what is wrong with it."""
    mapping, problems = {}, []
    unknown, duplicates = [], []
    for index, cell in enumerate(cells):
        label = normalize_label(cell) if not isinstance(cell, CellError) else "#"
        if not label:
            continue
        key = _ALIASES.get(label)
        if key is None:
            unknown.append(_short(cell))
        elif key in mapping:
            duplicates.append(_short(cell))
        else:
            mapping[key] = index
    missing = [c.key for c in COLUMNS if c.required and c.key not in mapping]
    if missing:
        problems.append(Problem("missing_columns", 1, params={"columns": missing}))
    if unknown:
        problems.append(Problem("unknown_columns", 1, params={"columns": unknown}))
    if duplicates:
        problems.append(Problem("duplicate_columns", 1, params={"columns": duplicates}))
    return mapping, problems


def _short(value, limit=40) -> str:
    text = value.text if isinstance(value, CellError) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- cells -----------------------------------------------------------------------


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_value(value, max_length: int = 128) -> str | None:
    """The text of a cell: numbers as written (13800138000, not 13800138000.0)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    if isinstance(value, bool):
        raise CellProblem("not_text", value=str(value).upper())
    if isinstance(value, datetime | date | time):
        raise CellProblem("not_text", value=value.isoformat())
    if isinstance(value, timedelta):
        raise CellProblem("not_text", value=str(value))
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellProblem("not_text", value=str(value))
        if value == int(value):
            if abs(value) >= EXACT_INTEGER_LIMIT:
                raise CellProblem("number_too_large", value=f"{value:.6g}")
            text = str(int(value))
        else:
            text = repr(float(value))
    else:
        text = " ".join(str(value).split())
    if len(text) > max_length:
        raise CellProblem("too_long", length=len(text), max=max_length)
    return text


_DATE_PATTERNS = (
    # 2025-11-30, 2025/11/30, 2025.11.30, with an optional time after it
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T].*)?"),
    # 2025年11月30日
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s.*)?"),
    # 20251130
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def excel_serial_to_date(serial: float, datemode: int = 0) -> date:
    """The day of an Excel date serial (``datemode`` 1: the 1904 system)."""
    if isinstance(serial, bool) or not math.isfinite(serial):
        raise CellProblem("bad_date", value=str(serial))
    days = int(serial)  # the fraction is the time of day
    if datemode == 1:
        if not 0 <= days <= MAX_EXCEL_SERIAL - 1462:
            raise CellProblem("bad_date", value=_number_text(serial))
        return date(1904, 1, 1) + timedelta(days=days)
    if not 1 <= days <= MAX_EXCEL_SERIAL:
        raise CellProblem("bad_date", value=_number_text(serial))
    if days == 60:  # Lotus 1-2-3's 29 February 1900, which did not exist
        raise CellProblem("bad_date", value="1900-02-29")
    return date(1899, 12, 31 if days < 60 else 30) + timedelta(days=days)


def date_to_excel_serial(day: date, datemode: int = 0) -> int:
    """The inverse of :func:`excel_serial_to_date` (whole days)."""
    if datemode == 1:
        return (day - date(1904, 1, 1)).days
    serial = (day - date(1899, 12, 30)).days
    return serial if serial >= 61 else serial - 1


def _number_text(value) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def date_value(value, datemode: int = 0) -> date | None:
    """The day a cell holds: a date cell, an Excel serial, or text (year first)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellProblem("bad_date", value=str(value).upper())
    if isinstance(value, int | float):
        return excel_serial_to_date(value, datemode)
    text = " ".join(str(value).split())
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                break
    raise CellProblem("bad_date", value=_short(text))


def channel_value(value) -> str | None:
    """The key of a sales channel given by its key, English or Chinese name."""
    text = text_value(value)
    if text is None:
        return None
    wanted = normalize_label(text)
    for key, labels in CHANNELS.items():
        if wanted in {normalize_label(key), *(normalize_label(x) for x in labels)}:
            return key
    raise CellProblem(
        "unknown_channel",
        value=_short(text),
        allowed=[en for en, _zh in CHANNELS.values()],
    )


# -- rows ------------------------------------------------------------------------


def check_row(
    line: int,
    cells: Sequence,
    mapping: dict[str, int],
    today: date,
    datemode: int = 0,
) -> tuple[Row | None, list[Problem]]:
    """Check one data row; return it cleaned when it has no problem."""
    problems = []
    values = {}

    def cell(key):
        index = mapping.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    for column in COLUMNS:
        raw = cell(column.key)
        try:
            if column.key == "purchase_date":
                value = date_value(raw, datemode)
            elif column.key == "channel":
                value = channel_value(raw)
            else:
                value = text_value(raw, column.max_length)
        except CellProblem as problem:
            problems.append(Problem(problem.code, line, column.key, problem.params))
            continue
        if value is None and column.required and column.key != "serial":
            problems.append(Problem("required", line, column.key))
            continue
        values[column.key] = value
    day = values.get("purchase_date")
    if day is not None:
        if day > today:
            problems.append(
                Problem("future_date", line, "purchase_date", {"date": day})
            )
        elif day < EARLIEST_PURCHASE:
            problems.append(
                Problem(
                    "too_old",
                    line,
                    "purchase_date",
                    {"date": day, "earliest": EARLIEST_PURCHASE},
                )
            )
    if problems:
        return None, problems
    return Row(line=line, **values), []


def check_rows(
    rows: Iterable[Sequence],
    today: date,
    datemode: int = 0,
    max_rows: int = 100_000,
) -> SheetCheck:
    """Check a whole sheet: its header, then every non-blank row.

    A sheet with a wrong header, no data or more than ``max_rows`` lines under
    its header (blank ones included) gets file problems and nothing to import.
    Two rows with the same product and serial number: the second is reported.
    """
    result = SheetCheck()
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None or all(is_blank(c) for c in header):
        result.file_problems.append(Problem("no_header", 1))
        return result
    mapping, problems = map_header(header)
    if problems:
        result.file_problems.extend(problems)
        return result
    seen = {}
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
        if row is not None and row.serial:
            key = (row.product.casefold(), row.serial.casefold())
            if key in seen:
                row_problems = [
                    Problem(
                        "duplicate_in_file",
                        line,
                        "serial",
                        {"serial": row.serial, "first_line": seen[key]},
                    )
                ]
                row = None
            else:
                seen[key] = line
        if row is not None:
            result.rows.append(row)
        result.problems.extend(row_problems)
    if not result.row_count:
        result.file_problems.append(Problem("no_rows", 2))
    return result
