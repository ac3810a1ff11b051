# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Service clocks: deadlines, pauses and states (SPEC §3).

A clock starts at an event, stops at another, and has a limit measured in
elapsed time (minutes, hours, days) or in working time of a
:class:`~.working_time.WorkingCalendar` (working minutes, hours, days). A clock
may have several limits, by urgency and by whether the engineer comes from the
service zone or another one: the most specific one applies
(:func:`pick_limit`). When a clock may pause (an option, off by default) and
the ticket waits for the customer, the time left when it paused is granted
again from the moment it resumes.

A clock may run several times on one request: the on-site clock runs once per
dispatch order, against that order's own appointment (else its limit from the
order's dispatch). A run that is called off before it stopped (its dispatch
order cancelled) ends without a verdict: it is neither met nor breached and
counts against nobody, unless it was already past its deadline when it was
called off (that breach is an earlier verdict, and it stays).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .working_time import WorkingCalendar

ELAPSED_UNITS = ("minutes", "hours", "days")
WORKING_UNITS = ("working_minutes", "working_hours", "working_days")
UNITS = ELAPSED_UNITS + WORKING_UNITS
SAME_ZONE = "same"
OTHER_ZONE = "other"

PENDING = "pending"  # the start event has not happened
RUNNING = "running"
PAUSED = "paused"
MET = "met"  # stopped in time
BREACHED = "breached"  # stopped late, or still running after its deadline
CANCELLED = "cancelled"  # called off in time: no verdict, it counts against nobody
STATES = (PENDING, RUNNING, PAUSED, MET, BREACHED, CANCELLED)
#: the states a run ends in: its verdict (or the absence of one) stays
ENDED = (MET, BREACHED, CANCELLED)


def _check(unit: str, calendar: WorkingCalendar | None):
    if unit not in UNITS:
        raise ValueError(f"unknown clock unit {unit!r}")
    if unit in WORKING_UNITS and calendar is None:
        raise ValueError(f"a clock in {unit} needs a working calendar")


def deadline(
    start: datetime, limit: float, unit: str, calendar: WorkingCalendar | None = None
) -> datetime:
    """The moment a clock that starts at ``start`` with ``limit`` ``unit`` runs out."""
    _check(unit, calendar)
    if limit < 0:
        raise ValueError("a clock limit cannot be negative")
    if unit == "working_minutes":
        return calendar.add_working_time(start, timedelta(minutes=limit))
    if unit == "working_hours":
        return calendar.add_working_hours(start, limit)
    if unit == "working_days":
        return calendar.add_working_days(start, limit)
    return start + timedelta(**{unit: limit})


@dataclass(frozen=True)
class Limit:
    """A clock limit; ``urgency`` and ``zone`` (``same``/``other``) restrict the
    tickets it applies to (``None``: any)."""

    limit: float
    unit: str
    urgency: str | None = None
    zone: str | None = None

    def matches(self, urgency: str | None, other_zone: bool) -> bool:
        if self.urgency and self.urgency != urgency:
            return False
        if self.zone:
            return self.zone == (OTHER_ZONE if other_zone else SAME_ZONE)
        return True

    @property
    def specificity(self) -> int:
        return (2 if self.urgency else 0) + (1 if self.zone else 0)


def pick_limit(
    limits: Iterable[Limit], default: Limit, urgency: str | None, other_zone: bool
) -> Limit:
    """The limit of a ticket: the most specific of ``limits`` that matches its
    urgency and zone (urgency weighs more than zone; the first one listed wins
    a tie), else ``default``."""
    best = None
    for candidate in limits:
        if candidate.matches(urgency, other_zone) and (
            best is None or candidate.specificity > best.specificity
        ):
            best = candidate
    return best or default


def run_deadline(
    start: datetime,
    limit: Limit | None,
    calendar: WorkingCalendar | None = None,
    appointment: datetime | None = None,
) -> datetime:
    """The deadline of one run of a clock that started at ``start``.

    The appointment agreed for this run when there is one (for a clock that
    follows appointments: the engineer must arrive by the agreed time, whenever
    he was dispatched); otherwise ``start`` plus ``limit``.
    """
    if appointment is not None:
        return appointment
    if limit is None:
        raise ValueError("a clock run without an appointment needs a limit")
    return deadline(start, limit.limit, limit.unit, calendar)


def minutes_late(arrival: datetime | None, due: datetime | None) -> int:
    """Whole minutes ``arrival`` came after ``due``: 0 in time or without a
    deadline (what the lateness of a check-in records)."""
    if arrival is None or due is None or arrival <= due:
        return 0
    return int((arrival - due).total_seconds() // 60)


def time_left(
    at: datetime, until: datetime, unit: str, calendar: WorkingCalendar | None = None
) -> timedelta:
    """The clock time between ``at`` and ``until`` (negative once past it).

    Elapsed time for elapsed units, working time of ``calendar`` for working
    units: what a paused clock still has to give when it resumes.
    """
    _check(unit, calendar)
    if unit in WORKING_UNITS:
        return calendar.working_time_between(at, until)
    return until - at


def resumed_deadline(
    paused_at: datetime,
    resumed_at: datetime,
    current_deadline: datetime,
    unit: str,
    calendar: WorkingCalendar | None = None,
) -> datetime:
    """The deadline after a pause from ``paused_at`` to ``resumed_at``.

    The time that was left when the clock paused is counted again from the
    moment it resumes; a clock that was already overdue when it paused keeps
    its deadline.
    """
    if resumed_at < paused_at:
        raise ValueError("a clock cannot resume before it paused")
    left = time_left(paused_at, current_deadline, unit, calendar)
    if left <= timedelta(0):
        return current_deadline
    if unit in WORKING_UNITS:
        return max(current_deadline, calendar.add_working_time(resumed_at, left))
    return max(current_deadline, resumed_at + left)


def state(
    start: datetime | None,
    stop: datetime | None,
    due: datetime | None,
    now: datetime,
    paused_at: datetime | None = None,
    called_off: datetime | None = None,
) -> str:
    """The state of a clock at ``now``.

    A clock with no start is pending; one stopped at or before its deadline is
    met, after it breached. A running clock is breached once ``now`` is past its
    deadline. A paused clock (the ticket waits for the customer since
    ``paused_at``) is frozen at that moment: paused, or breached if it was
    already late when it paused. A run called off at ``called_off`` before it
    stopped (its dispatch order cancelled) is cancelled, without a verdict,
    unless it was already late by then (breached, as it was).
    """
    if start is None:
        return PENDING
    if stop is not None and (called_off is None or stop <= called_off):
        return MET if due is None or stop <= due else BREACHED
    if called_off is not None:
        frozen = min(called_off, paused_at) if paused_at is not None else called_off
        return BREACHED if due is not None and frozen > due else CANCELLED
    if paused_at is not None:
        return BREACHED if due is not None and paused_at > due else PAUSED
    if due is not None and now > due:
        return BREACHED
    return RUNNING
