# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading one spreadsheet cell: a text, a day, a moment, a duration, a choice
or a whole number (no ``odoo`` import). Every spreadsheet import of the suite
reads its cells here.

The file readers give plain values: ``None``, ``str``, ``int``, ``float``,
``bool``, ``date``/``datetime``, or a :class:`CellError`. What a cell cannot be
raises :class:`CellProblem` with a code and the parameters of its sentence.

Numbers read as text are written as typed (13800138000, not 13800138000.0);
Excel keeps 15 significant digits, so a whole number from 10**15 up may have
lost digits and is refused (``number_too_large``: enter it as text) rather
than turned into a text that is not what was typed.

Days come as date cells, Excel serial numbers or text. Text is read year first
(2025-11-30, 2025/11/30, 2025.11.30, 2025年11月30日 or 号, 20251130, full-width
digits too), or year last when only one reading is a day (30/11/2025); a text
that can be two different days (01/02/2025) or has a two-digit year is refused
as ``ambiguous_date`` with its possible readings. A moment is a day read the
same way, with a time of day after it (09:00 or 09:00:05), or a date-time cell
or serial; a duration is seconds, ``mm:ss``, ``hh:mm:ss`` or a time cell.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

#: Excel stores numbers as doubles: integers above this have lost digits
EXACT_INTEGER_LIMIT = 10**15
#: the largest Excel date serial (9999-12-31)
MAX_EXCEL_SERIAL = 2958465
#: a duration is shorter than a day
MAX_DURATION_SECONDS = 24 * 3600


@dataclass(frozen=True)
class CellError:
    """An error value of a cell, such as ``#DIV/0!`` or ``#REF!``."""

    text: str = "#ERROR"


class CellProblem(ValueError):
    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def shorten(value, limit=40) -> str:
    text = value.text if isinstance(value, CellError) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def normalize_label(value) -> str:
    """A header label or a word of a choice as it is compared: without case,
    "*" marks, underscores, extra spaces, a trailing colon; brackets of either
    width alike ("有效期（月）" is "有效期 (月)")."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = text.replace("*", "").replace("_", " ")
    text = text.replace("（", "(").replace("）", ")").strip().rstrip(":：").strip()
    text = re.sub(r"\s*\(\s*", " (", text)
    text = re.sub(r"\s*\)", ")", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


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


def choice_value(value, choices: dict[str, tuple[str, ...]]) -> str | None:
    """The key of a choice given by its key or one of its words (English,
    Chinese); ``choices``: ``{key: (words, ...)}``, the first word is shown."""
    text = text_value(value)
    if text is None:
        return None
    wanted = normalize_label(text)
    for key, words in choices.items():
        if wanted in {normalize_label(key), *(normalize_label(w) for w in words)}:
            return key
    raise CellProblem(
        "unknown_choice",
        value=shorten(text),
        allowed=[words[0] for words in choices.values()],
    )


def whole_number(value, low: int, high: int) -> int | None:
    """A whole number between ``low`` and ``high`` (a number or digits)."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    number = None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        number = int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value == int(value):
        number = int(value)
    if number is None or not low <= number <= high:
        raise CellProblem("bad_number", value=shorten(value), low=low, high=high)
    return number


#: text dates written year first: 2025-11-30, 2025/11/30, 2025.11.30, with an
#: optional time after them; 2025年11月30日 (or 号); 20251130
_YEAR_FIRST = (
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T].*)?"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s.*)?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
#: day and month first, year last: 30/11/2025 or 11/30/2025
_YEAR_LAST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:[ T].*)?")
#: a two-digit year (25/11/30, 30.11.25, 25年11月30日): which number is the year?
_SHORT_YEAR = (
    re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T].*)?"),
    re.compile(r"(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s.*)?"),
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
    """The day a cell holds: a date cell, an Excel serial, or text.

    Raises :class:`CellProblem` ``bad_date`` for what is no date, and
    ``ambiguous_date`` (with the possible ``readings``) for a text that could be
    two different days or whose year has two digits.
    """
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
    return _text_date(str(value))


def _text_date(value: str) -> date:
    # full-width digits and punctuation (２０２５／１１／３０) as plain ones
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    for pattern in _YEAR_FIRST:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            found = _valid_date(year, month, day)
            if found:
                return found
            raise CellProblem("bad_date", value=shorten(value))
    match = _YEAR_LAST.fullmatch(text)
    if match:
        first, second, year = (int(part) for part in match.groups())
        readings = _readings((year, second, first), (year, first, second))
        if len(readings) == 1:
            return readings[0]
        if readings:
            raise _ambiguous(value, readings)
        raise CellProblem("bad_date", value=shorten(value))
    for pattern in _SHORT_YEAR:
        match = pattern.fullmatch(text)
        if match:
            a, b, c = (int(part) for part in match.groups())
            readings = _readings((2000 + a, b, c), (2000 + c, b, a), (2000 + c, a, b))
            if readings:
                raise _ambiguous(value, readings)
            break
    raise CellProblem("bad_date", value=shorten(value))


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _readings(*candidates) -> list[date]:
    """The distinct valid days among ``(year, month, day)`` candidates."""
    found = []
    for candidate in candidates:
        day = _valid_date(*candidate)
        if day and day not in found:
            found.append(day)
    return found


def _ambiguous(value: str, readings: list) -> CellProblem:
    return CellProblem(
        "ambiguous_date",
        value=shorten(value),
        readings=[str(day) for day in readings],
    )


# -- moments and durations --------------------------------------------------------

#: a day as :func:`date_value` reads it, then the time of day (seconds and
#: their fraction optional): 2026-10-03 09:00:05, 2026/10/3 9:00, 2026年10月3日 09:00
_MOMENT = re.compile(
    r"(?P<day>[\d\s\-/.年月日号]+?)"
    r"(?:(?:[ T]+|(?<=[日号]))"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
)
_DURATION = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})")


def datetime_value(value, datemode: int = 0) -> datetime | None:
    """The moment a cell holds, to the second: a date-time cell, an Excel
    serial (its fraction the time of day), or a text: a day in any form
    :func:`date_value` reads, then the time (2026-10-03 09:00:05,
    2026年10月3日 09:00, full-width digits too); a day alone is its midnight.

    Raises :class:`CellProblem` ``bad_datetime``, or ``ambiguous_date`` for a
    day that can be read two ways.
    """
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellProblem("bad_datetime", value=shorten(value))
    if isinstance(value, int | float):
        try:
            day = excel_serial_to_date(value, datemode)
        except CellProblem:
            raise CellProblem("bad_datetime", value=_number_text(value)) from None
        seconds = round((value - int(value)) * 86400)
        return datetime.combine(day, time()) + timedelta(seconds=seconds)
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    match = _MOMENT.fullmatch(text)
    if not match:
        raise CellProblem("bad_datetime", value=shorten(value))
    try:
        day = _text_date(match["day"].strip())
        moment = time(
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            int(match["second"] or 0),
        )
    except CellProblem as problem:
        if problem.code == "ambiguous_date":
            raise _ambiguous(value, problem.params["readings"]) from None
        raise CellProblem("bad_datetime", value=shorten(value)) from None
    except ValueError:  # 25:00, 09:61
        raise CellProblem("bad_datetime", value=shorten(value)) from None
    return datetime.combine(day, moment)


def duration_value(value) -> int | None:
    """A duration in whole seconds, shorter than a day: a number of seconds,
    ``mm:ss`` or ``hh:mm:ss`` (full-width digits too), or a time cell."""
    if is_blank(value):
        return None
    if isinstance(value, CellError):
        raise CellProblem("error_value", value=value.text)
    seconds = None
    if isinstance(value, bool):
        seconds = None
    elif isinstance(value, timedelta):
        seconds = int(value.total_seconds())
    elif isinstance(value, time | datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, int | float):
        seconds = int(value) if math.isfinite(value) and value >= 0 else None
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        match = _DURATION.fullmatch(text)
        if re.fullmatch(r"\d{1,6}(\.\d+)?", text):
            seconds = int(float(text))
        elif match:
            hours, minutes, secs = (int(part or 0) for part in match.groups())
            seconds = hours * 3600 + minutes * 60 + secs
    if seconds is None or not 0 <= seconds < MAX_DURATION_SECONDS:
        raise CellProblem("bad_duration", value=shorten(value))
    return seconds
