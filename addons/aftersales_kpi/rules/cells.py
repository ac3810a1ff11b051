# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading the cells of a spreadsheet row, for the imports of ``aftersales_kpi``.

Each function takes the plain value a file reader gives for a cell (``None``,
``str``, ``int``, ``float``, ``bool``, ``date``/``datetime``, or a
:class:`CellError`) and returns the cleaned value, or raises
:class:`CellProblem` with a code and parameters the Odoo layer turns into a
sentence. Dates are read in the forms staff write them, the year first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

#: the largest Excel date serial (9999-12-31)
MAX_EXCEL_SERIAL = 2958465


@dataclass(frozen=True)
class CellError:
    """An error value of a cell, such as ``#DIV/0!`` or ``#REF!``."""

    text: str = "#ERROR"


class CellProblem(ValueError):
    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def normalize_label(value) -> str:
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = text.replace("*", "").replace("_", " ")
    text = text.replace("（", "(").replace("）", ")").strip().rstrip(":：").strip()
    text = re.sub(r"\s*\(\s*", " (", text)
    text = re.sub(r"\s*\)", ")", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def short(value, limit=40) -> str:
    text = value.text if isinstance(value, CellError) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_value(value, max_length: int = 128) -> str | None:
    """The text of a cell: whole numbers as written (1024, not 1024.0)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    if isinstance(value, bool | datetime | date | time | timedelta):
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        raise CellProblem("not_text", value=shown.upper())
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellProblem("not_text", value=str(value))
        text = str(int(value)) if value == int(value) else repr(float(value))
    else:
        text = " ".join(str(value).split())
    if len(text) > max_length:
        raise CellProblem("too_long", length=len(text), max=max_length)
    return text


def choice_value(value, choices: dict[str, tuple[str, ...]]) -> str | None:
    """The key of a choice given by its key, English or Chinese word."""
    text = text_value(value)
    if text is None:
        return None
    wanted = normalize_label(text)
    for key, words in choices.items():
        if wanted in {normalize_label(key), *(normalize_label(w) for w in words)}:
            return key
    raise CellProblem(
        "unknown_choice",
        value=short(text),
        allowed=[words[0] for words in choices.values()],
    )


_DATE_PATTERNS = (
    # 2025-11-30, 2025/11/30, 2025.11.30, with an optional time after it
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T].*)?"),
    # 2025年11月30日
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s.*)?"),
    # 20251130
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def excel_serial_to_date(serial, datemode: int = 0) -> date:
    """The day of an Excel date serial (``datemode`` 1: the 1904 system)."""
    if isinstance(serial, bool) or not math.isfinite(serial):
        raise CellProblem("bad_date", value=str(serial))
    days = int(serial)  # the fraction is the time of day
    shown = f"{serial:.6g}" if isinstance(serial, float) else str(serial)
    if datemode == 1:
        if not 0 <= days <= MAX_EXCEL_SERIAL - 1462:
            raise CellProblem("bad_date", value=shown)
        return date(1904, 1, 1) + timedelta(days=days)
    if not 1 <= days <= MAX_EXCEL_SERIAL or days == 60:
        # 60 is Lotus 1-2-3's 29 February 1900, a day that did not exist
        raise CellProblem("bad_date", value=shown)
    return date(1899, 12, 31 if days < 60 else 30) + timedelta(days=days)


def date_value(value, datemode: int = 0) -> date | None:
    """The day a cell holds: a date cell, an Excel serial, or a text with the
    year first (2025-11-30, 2025/11/30, 2025.11.30, 2025年11月30日, 20251130)."""
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
    raise CellProblem("bad_date", value=short(text))


def whole_number(value, low: int, high: int) -> int | None:
    """A whole number between ``low`` and ``high``."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    number = value
    if isinstance(value, str):
        text = value.strip()
        number = int(text) if re.fullmatch(r"\d{1,4}", text) else None
    elif isinstance(value, bool) or not isinstance(value, int | float):
        number = None
    elif isinstance(value, float):
        number = int(value) if math.isfinite(value) and value == int(value) else None
    if number is None or not low <= number <= high:
        raise CellProblem("bad_number", value=short(str(value)), low=low, high=high)
    return number
