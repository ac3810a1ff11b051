# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's own side (SPEC §12): his request in plain words, the time
slots he offers, and when he may still answer the appointment online.

A repair request is, for the customer, in one of five steps: received (no
engineer yet), engineer assigned, on the way (the engineer called ahead with
his arrival time), on site, done. The customer offers two or three time slots
(a day and a part of it); the dispatcher proposes an appointment; the customer
confirms it or moves it to another of the offered slots, up to a number of
hours before it (the company's rule): after that, only a call changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

RECEIVED = "received"
ASSIGNED = "assigned"
ON_THE_WAY = "on_the_way"
ON_SITE = "on_site"
DONE = "done"
#: the steps of a request as the customer follows them, in their order
STEPS = (RECEIVED, ASSIGNED, ON_THE_WAY, ON_SITE, DONE)

#: the parts of a day a customer can offer: (first hour, last hour)
PERIODS = {
    "morning": (time(9, 0), time(12, 0)),
    "afternoon": (time(13, 0), time(17, 0)),
    "evening": (time(18, 0), time(20, 0)),
}
MIN_SLOTS = 2
MAX_SLOTS = 3

# why the slots a customer offers are refused
TOO_FEW = "too_few"
TOO_MANY = "too_many"
UNKNOWN_PERIOD = "unknown_period"
TOO_SOON = "too_soon"
TWICE = "twice"


def status(
    *,
    done: bool,
    on_site: bool = False,
    announced: bool = False,
    assigned: bool = False,
) -> str:
    """The step of a request: ``done`` (repaired, or the request closed),
    ``on_site`` (the engineer checked in on the visit in progress),
    ``announced`` (he called ahead with his arrival time for the visit to
    come), ``assigned`` (a dispatch order is in progress). The later step wins."""
    if done:
        return DONE
    if on_site:
        return ON_SITE
    if assigned and announced:
        return ON_THE_WAY
    if assigned:
        return ASSIGNED
    return RECEIVED


def answer_deadline(appointment: datetime, hours: float) -> datetime:
    """The last moment the customer may answer ``appointment`` online."""
    if hours < 0:
        raise ValueError("the hours before an appointment cannot be negative")
    return appointment - timedelta(hours=hours)


def may_answer(now: datetime, appointment: datetime, hours: float) -> bool:
    """The customer may still confirm or move ``appointment`` at ``now``."""
    return now <= answer_deadline(appointment, hours)


def may_choose(now: datetime, start: datetime, hours: float) -> bool:
    """A slot that starts at ``start`` may still become the appointment at
    ``now``: it is at least ``hours`` away, as an appointment must be."""
    return may_answer(now, start, hours)


@dataclass(frozen=True)
class Slot:
    """A part of a day the customer offers (in his own time zone)."""

    day: date
    period: str

    def bounds(self) -> tuple[datetime, datetime]:
        """Its start and end, naive, in the customer's time zone."""
        first, last = PERIODS[self.period]
        return datetime.combine(self.day, first), datetime.combine(self.day, last)


def slot_problem(
    now: datetime, slots: list[Slot], hours: float = 0
) -> tuple[str, Slot | None] | None:
    """Why the ``slots`` a customer offers at ``now`` (both in his time zone)
    are refused, with the slot at fault; ``None`` when they are fine: two or
    three slots, each a known part of a day, none twice, each starting at
    least ``hours`` after ``now``."""
    if len(slots) < MIN_SLOTS:
        return TOO_FEW, None
    if len(slots) > MAX_SLOTS:
        return TOO_MANY, None
    seen = set()
    for slot in slots:
        if slot.period not in PERIODS:
            return UNKNOWN_PERIOD, slot
        if slot in seen:
            return TWICE, slot
        seen.add(slot)
        if not may_choose(now, slot.bounds()[0], hours):
            return TOO_SOON, slot
    return None
