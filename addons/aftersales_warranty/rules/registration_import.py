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

Real files carry more than the import needs: columns it does not know (备注,
地址, 门店, ...) are ignored and listed. Dates come as date cells, Excel serial
numbers or text; text is read year first (2025-11-30, 2025/11/30, 2025.11.30,
2025年11月30日, 20251130, full-width digits too), or year last when only one
reading is a date (30/11/2025); a text that can be read as two different days
(01/02/2025) or has a two-digit year is refused as ambiguous. A row without an
invoice number is imported with a warning: its unit has no proof of purchase.

What needs the database (phone numbers, products, serial numbers already
registered) is checked by the Odoo layer on the rows this module accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .cells import (  # noqa: F401  (the readers' vocabulary, used by the Odoo layer)
    EXACT_INTEGER_LIMIT,
    MAX_EXCEL_SERIAL,
    CellError,
    CellProblem,
    date_to_excel_serial,
    date_value,
    excel_serial_to_date,
    is_blank,
    shorten,
    text_value,
)


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


@dataclass(frozen=True, slots=True)
class Row:
    """A row whose cells are all well-formed (slots: a file holds 100,000)."""

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
    #: about rows that are imported all the same
    warnings: list[Problem] = field(default_factory=list)
    #: header labels of the columns the import does not read
    ignored_columns: list[str] = field(default_factory=list)
    row_count: int = 0

    @property
    def readable(self) -> bool:
        """The header is right: rows can be imported."""
        return not self.file_problems


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


def map_header(cells: Sequence) -> tuple[dict[str, int], list[Problem], list[str]]:
    """``({column key: index}, problems, ignored labels)`` of a header row.

    A column the import does not know is ignored (its label is returned); a
    missing required column or a column given twice is a problem.
    """
    mapping, problems = {}, []
    unknown, duplicates = [], []
    for index, cell in enumerate(cells):
        label = normalize_label(cell) if not isinstance(cell, CellError) else "#"
        if not label:
            continue
        key = _ALIASES.get(label)
        if key is None:
            unknown.append(shorten(cell))
        elif key in mapping:
            duplicates.append(shorten(cell))
        else:
            mapping[key] = index
    missing = [c.key for c in COLUMNS if c.required and c.key not in mapping]
    if missing:
        problems.append(Problem("missing_columns", 1, params={"columns": missing}))
    if duplicates:
        problems.append(Problem("duplicate_columns", 1, params={"columns": duplicates}))
    return mapping, problems, unknown


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
        value=shorten(text),
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
    mapping, problems, result.ignored_columns = map_header(header)
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
            result.warnings.clear()
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
            if not row.invoice:
                result.warnings.append(
                    Problem("no_invoice", line, "invoice", warning=True)
                )
        result.problems.extend(row_problems)
    if not result.row_count:
        result.file_problems.append(Problem("no_rows", 2))
    return result
