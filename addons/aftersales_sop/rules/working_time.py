# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working-time arithmetic on a weekly calendar.

A :class:`WorkingCalendar` is a set of weekly attendances (weekday, from, to, in
local hours of the calendar's time zone; a break is simply the gap between two
attendances of the same day), an optional two-week rotation, and holiday ranges
during which nobody works. It answers two questions for the service clocks:

* when does a duration of working time that starts at a moment end
  (:meth:`WorkingCalendar.add_working_time`, ``add_working_hours``,
  ``add_working_days``), and
* how much working time lies between two moments
  (:meth:`WorkingCalendar.working_time_between`).

Conventions, chosen to match Odoo's ``resource.calendar``:

* Naive datetimes are UTC (Odoo stores datetimes as naive UTC). A result has the
  same kind as the start it was computed from: naive UTC in, naive UTC out;
  aware in, aware (same tzinfo) out.
* An attendance hour is rounded to the minute, as Odoo's ``float_to_time`` does;
  ``24.0`` means midnight at the end of the day.
* The week type of a day in a two-week calendar is Odoo's:
  ``((date.toordinal() - 1) // 7) % 2``.
* A deadline is the *earliest* moment at which the requested working time has
  elapsed: eight working hours from 08:00 on a 08:00-17:00 day with a lunch
  break end at 17:00 that day, not at the next morning's opening.
* A working day is ``hours_per_day`` hours of working time (Odoo's
  ``resource.calendar.hours_per_day``; by default the average length of the
  calendar's working days), so that days and hours add up: one working day
  after Monday 10:00 on an 8-hour calendar is Tuesday 10:00.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

UTC = timezone.utc
ZERO = timedelta(0)

#: How far ahead a deadline is searched before giving up (holidays may cover
#: long stretches, but a calendar that yields no working time for this long is
#: misconfigured).
MAX_SEARCH_DAYS = 366 * 20


class NoWorkingTimeError(ValueError):
    """The calendar offers no working time where some is needed."""


def week_type_of(day: date) -> int:
    """Return 0 or 1: the week of ``day`` in a two-week rotation (Odoo's rule)."""
    return ((day.toordinal() - 1) // 7) % 2


def _minutes(hours: float) -> int:
    return round(hours * 60)


@dataclass(frozen=True)
class Attendance:
    """One weekly working slot, in local hours of the calendar's time zone."""

    weekday: int  # 0 = Monday ... 6 = Sunday
    hour_from: float
    hour_to: float
    week_type: int | None = None  # None: every week; 0 or 1: that week of two
    date_from: date | None = None  # first day the slot applies, inclusive
    date_to: date | None = None  # last day the slot applies, inclusive

    def __post_init__(self):
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0..6, got {self.weekday!r}")
        if not 0 <= _minutes(self.hour_from) < _minutes(self.hour_to) <= 24 * 60:
            raise ValueError(
                f"attendance must satisfy 0 <= from < to <= 24, "
                f"got {self.hour_from!r}-{self.hour_to!r}"
            )
        if self.week_type not in (None, 0, 1):
            raise ValueError(f"week_type must be None, 0 or 1, got {self.week_type!r}")

    def applies_on(self, day: date) -> bool:
        if day.weekday() != self.weekday:
            return False
        if self.week_type is not None and week_type_of(day) != self.week_type:
            return False
        if self.date_from and day < self.date_from:
            return False
        return not (self.date_to and day > self.date_to)


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _restore(moment: datetime, like: datetime) -> datetime:
    """Express the UTC-aware ``moment`` in the kind of datetime ``like`` is."""
    if like.tzinfo is None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment.astimezone(like.tzinfo)


def _merge(
    intervals: Iterable[tuple[datetime, datetime]],
) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class WorkingCalendar:
    """A weekly working calendar with a time zone and holidays.

    :param attendances: the weekly :class:`Attendance` slots.
    :param tz: an IANA time-zone name or a ``tzinfo``; attendances are local to it.
    :param holidays: ``(start, end)`` pairs of datetimes (naive = UTC) during
        which nobody works, or single ``date`` objects meaning that whole local day.
    :param hours_per_day: the length of a working day for ``add_working_days``;
        by default the average length of the calendar's working days.
    """

    def __init__(
        self,
        attendances: Iterable[Attendance],
        tz: str | tzinfo = "UTC",
        holidays: Iterable[tuple[datetime, datetime] | date] = (),
        hours_per_day: float | None = None,
    ):
        self.attendances = tuple(attendances)
        self.tz = ZoneInfo(tz) if isinstance(tz, str) else tz
        self.holidays = _merge(self._holiday_range(h) for h in holidays)
        self._holiday_ends = [end for _start, end in self.holidays]
        if hours_per_day is None:
            hours_per_day = self._average_day_hours()
        if hours_per_day < 0:
            raise ValueError("hours_per_day cannot be negative")
        self.hours_per_day = hours_per_day
        self._day_cache: dict[date, list[tuple[datetime, datetime]]] = {}

    # -- construction helpers -------------------------------------------------

    def _holiday_range(self, holiday) -> tuple[datetime, datetime]:
        if isinstance(holiday, datetime):
            raise TypeError("a holiday is a (start, end) pair or a date")
        if isinstance(holiday, date):
            return self._local_moment(holiday, 0), self._local_moment(holiday, 24 * 60)
        start, end = holiday
        return _as_utc(start), _as_utc(end)

    def _average_day_hours(self) -> float:
        per_day: dict[tuple[int | None, int], int] = {}
        for att in self.attendances:
            key = (att.week_type, att.weekday)
            per_day[key] = (
                per_day.get(key, 0) + _minutes(att.hour_to) - _minutes(att.hour_from)
            )
        if not per_day:
            return 0.0
        return sum(per_day.values()) / len(per_day) / 60

    def _local_moment(self, day: date, minutes: int) -> datetime:
        naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
        return naive.replace(tzinfo=self.tz).astimezone(UTC)

    # -- intervals -------------------------------------------------------------

    def day_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """Working intervals (UTC-aware, sorted, disjoint) of the local ``day``."""
        cached = self._day_cache.get(day)
        if cached is not None:
            return cached
        slots = [
            (
                self._local_moment(day, _minutes(att.hour_from)),
                self._local_moment(day, _minutes(att.hour_to)),
            )
            for att in self.attendances
            if att.applies_on(day)
        ]
        intervals = self._remove_holidays(_merge(slots))
        if len(self._day_cache) > 4096:
            self._day_cache.clear()
        self._day_cache[day] = intervals
        return intervals

    def _remove_holidays(self, intervals):
        if not self.holidays:
            return intervals
        result = []
        for start, end in intervals:
            # merged holidays are sorted by start and by end alike: skip to the
            # first one that ends after this interval starts
            index = bisect.bisect_right(self._holiday_ends, start)
            cursor = start
            for h_start, h_end in self.holidays[index:]:
                if h_start >= end:
                    break
                if h_end <= cursor:
                    continue
                if h_start > cursor:
                    result.append((cursor, h_start))
                cursor = max(cursor, h_end)
                if cursor >= end:
                    break
            if cursor < end:
                result.append((cursor, end))
        return result

    def _local_date(self, moment_utc: datetime) -> date:
        return moment_utc.astimezone(self.tz).date()

    def iter_intervals(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Yield the working intervals from ``start`` on, clipped to begin at it."""
        if not self.attendances:
            raise NoWorkingTimeError("the calendar has no working hours")
        start_utc = _as_utc(start)
        day = self._local_date(start_utc)
        for offset in range(MAX_SEARCH_DAYS):
            for s, e in self.day_intervals(day + timedelta(days=offset)):
                if e > start_utc:
                    yield max(s, start_utc), e
        raise NoWorkingTimeError(
            f"no working time within {MAX_SEARCH_DAYS} days after {start.isoformat()}"
        )

    # -- arithmetic ------------------------------------------------------------

    def add_working_time(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest moment ``duration`` of working time after ``start``."""
        if duration < ZERO:
            raise ValueError("a working-time duration cannot be negative")
        if duration == ZERO:
            return start
        remaining = duration
        for s, e in self.iter_intervals(start):
            length = e - s
            if remaining <= length:
                return _restore(s + remaining, start)
            remaining -= length
        raise NoWorkingTimeError("unreachable")  # pragma: no cover

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        return self.add_working_time(start, timedelta(hours=hours))

    def add_working_days(self, start: datetime, days: float) -> datetime:
        if days and not self.hours_per_day:
            raise NoWorkingTimeError("the calendar has no working hours per day")
        return self.add_working_time(start, timedelta(hours=days * self.hours_per_day))

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time in ``[start, end]``; negative when ``end`` < ``start``."""
        start_utc, end_utc = _as_utc(start), _as_utc(end)
        if end_utc < start_utc:
            return -self.working_time_between(end, start)
        total = ZERO
        day = self._local_date(start_utc)
        last = self._local_date(end_utc)
        while day <= last:
            for s, e in self.day_intervals(day):
                s, e = max(s, start_utc), min(e, end_utc)
                if e > s:
                    total += e - s
            day += timedelta(days=1)
        return total

    def working_hours_between(self, start: datetime, end: datetime) -> float:
        return self.working_time_between(start, end) / timedelta(hours=1)

    def is_working_time(self, moment: datetime) -> bool:
        moment_utc = _as_utc(moment)
        return any(
            s <= moment_utc < e
            for s, e in self.day_intervals(self._local_date(moment_utc))
        )
