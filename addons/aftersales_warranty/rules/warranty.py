# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Warranty periods and the warranty suggestion (SPEC §5).

A warranty of N months starts on the purchase date and covers every day up to
and including the same day of the month N calendar months later; when that
month is shorter, the last covered day is its last day (purchased 2025-11-30
with 3 months: covered through 2026-02-28; 2024-02-29 with 12 months: through
2025-02-28).

The suggestion for a service request is one of:

* ``no_proof``: no valid proof of purchase (no purchase date, no invoice or
  receipt, or a purchase dated after the request);
* ``no_warranty``: the product has no warranty period (no policy, or a custom
  product that no contract covers);
* ``expired``: the request came after the last covered day;
* ``excluded``: inside the period, but the cause is excluded (water ingress,
  human damage, ...): the reason goes with it;
* ``in_warranty``: covered, the repair is free.

Only ``in_warranty`` is free for the customer.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

IN_WARRANTY = "in_warranty"
EXPIRED = "expired"
NO_PROOF = "no_proof"
EXCLUDED = "excluded"
NO_WARRANTY = "no_warranty"
STATES = (IN_WARRANTY, EXPIRED, NO_PROOF, EXCLUDED, NO_WARRANTY)
FREE_STATES = frozenset({IN_WARRANTY})

#: replacement of a unit: the new serial keeps the time that was left ...
REPLACEMENT_REMAINING = "remaining"
#: ... or gets a full period from the day it is shipped
REPLACEMENT_FRESH = "fresh"
REPLACEMENT_RULES = (REPLACEMENT_REMAINING, REPLACEMENT_FRESH)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"{day} plus {months} months is out of the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def covered_through(start: date, months: int) -> date:
    """The last day (inclusive) of a warranty of ``months`` from ``start``."""
    if months < 0:
        raise ValueError("a warranty period cannot be negative")
    return add_months(start, months)


def is_covered(start: date, months: int, day: date) -> bool:
    """``day`` falls inside the warranty period (both ends included)."""
    return start <= day <= covered_through(start, months)


def replacement_start(rule: str, start: date, replaced_on: date) -> date:
    """The start of the warranty of a unit that replaces one bought on ``start``.

    ``remaining``: the new unit keeps the old one's period (same start, same
    last day). ``fresh``: a full period from ``replaced_on`` (a replacement
    dated before the purchase keeps the purchase date).
    """
    if rule not in REPLACEMENT_RULES:
        raise ValueError(f"unknown replacement rule {rule!r}")
    if rule == REPLACEMENT_REMAINING:
        return start
    return max(start, replaced_on)


@dataclass(frozen=True)
class Suggestion:
    """What the warranty policy says about a request made on a given day."""

    state: str
    covered_through: date | None = None
    exclusion: str | None = None

    @property
    def free(self) -> bool:
        """The customer pays nothing."""
        return self.state in FREE_STATES


def suggest(
    on: date,
    start: date | None,
    months: int | None,
    has_proof: bool,
    exclusion: str | None = None,
) -> Suggestion:
    """The suggestion for a request made on ``on``.

    ``start`` is the warranty start (the purchase date, or the restart of a
    replaced unit); ``months`` the period that applies (``None``: no warranty);
    ``has_proof`` whether a proof of purchase was given; ``exclusion`` the code
    of the excluded cause found, if any.

    The checks run in this order: proof, period, expiry, exclusion. An
    exclusion is only reported when the request is otherwise inside the
    period: an expired warranty stays "expired" whatever the cause.
    """
    if not has_proof or start is None or start > on:
        return Suggestion(NO_PROOF, exclusion=exclusion)
    if months is None or months <= 0:
        return Suggestion(NO_WARRANTY, exclusion=exclusion)
    end = covered_through(start, months)
    if on > end:
        return Suggestion(EXPIRED, end, exclusion)
    if exclusion:
        return Suggestion(EXCLUDED, end, exclusion)
    return Suggestion(IN_WARRANTY, end)
