# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Counting an engineer's penalties against a rule's strike limit (SPEC §9).

A rule says "``limit`` occurrences within ``window_days`` days" (for instance
three times leaving his post within 365 days). Only confirmed penalties are
occurrences: the Odoo layer leaves out proposed, dismissed and cancelled ones.

The occurrences are read in date order. An occurrence older than the window,
counted back from the newest one, no longer counts; when ``limit`` occurrences
count at once, they make a strike and are used up by it: the next strike needs
``limit`` new occurrences. Reading in date order this way finds as many strikes
as any grouping could (each strike ends as early as possible), so cancelling a
penalty never adds a strike and adding one never takes a strike away.

A window of 0 days (or less) means "ever": every occurrence counts until it is
used up by a strike. A limit of 0 (or less) means the rule has no strike limit.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Occurrence:
    """One confirmed penalty: ``key`` identifies it (the penalty's id)."""

    key: Hashable
    day: date


@dataclass(frozen=True)
class Strike:
    """``limit`` occurrences within the window, in date order."""

    occurrences: tuple[Occurrence, ...]

    @property
    def keys(self) -> frozenset:
        return frozenset(o.key for o in self.occurrences)

    @property
    def first_day(self) -> date:
        return self.occurrences[0].day

    @property
    def last_day(self) -> date:
        """The day the limit was reached."""
        return self.occurrences[-1].day


def within_window(first: date, last: date, window_days: int) -> bool:
    """``first`` and ``last`` fall within ``window_days`` consecutive days."""
    return window_days <= 0 or (last - first).days < window_days


def _ordered(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    # the key breaks ties between penalties of the same day, whatever its type
    return sorted(occurrences, key=lambda o: (o.day, repr(o.key)))


def _scan(occurrences, limit, window_days):
    """``(strikes, occurrences still counting after the last one)``."""
    strikes, counting = [], deque()
    for occurrence in _ordered(occurrences):
        counting.append(occurrence)
        while not within_window(counting[0].day, occurrence.day, window_days):
            counting.popleft()
        if len(counting) >= limit:
            strikes.append(Strike(tuple(counting)))
            counting.clear()
    return strikes, list(counting)


def find_strikes(
    occurrences: Iterable[Occurrence], limit: int, window_days: int
) -> list[Strike]:
    """The strikes the occurrences make, in date order."""
    if limit <= 0:
        return []
    return _scan(occurrences, limit, window_days)[0]


def counting_now(
    occurrences: Iterable[Occurrence], limit: int, window_days: int, today: date
) -> list[Occurrence]:
    """The occurrences that count towards the next strike on ``today``:
    not used up by a strike, and within the window that ends today."""
    if limit <= 0:
        return []
    occurrences = [o for o in occurrences if o.day <= today]
    _strikes, counting = _scan(occurrences, limit, window_days)
    return [o for o in counting if within_window(o.day, today, window_days)]
