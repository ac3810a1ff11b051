# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spare parts of a service request (SPEC §6): where a parts line stands, what
the engineer still holds, what is consumed and what comes back, and the
suggested minimum stock of a part.

A parts line asks for a quantity of one part. The warehouse reserves it
(``reserved``), issues it to the engineer (``issued``); the engineer says how
many he used (``used``); the used ones are consumed (they go into the
customer's unit), the others come back to stock (``returning`` until the
warehouse receives them, then ``returned``). A reservation released before the
issue (request cancelled or closed, or too old) leaves nothing pending.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WAITING = "waiting"
RESERVED = "reserved"
ISSUED = "issued"
DONE = "done"
RELEASED = "released"
STATES = (WAITING, RESERVED, ISSUED, DONE, RELEASED)

#: quantities below this are zero (units of measure are rounded to 0.001 at most)
EPSILON = 1e-6


@dataclass(frozen=True)
class PartQuantities:
    """The quantities of one parts line, in the part's unit of measure.

    ``pending`` is the demand still to issue (reservations and waiting
    moves), ``reserved`` the part of it reserved in stock.
    """

    pending: float = 0.0
    reserved: float = 0.0
    issued: float = 0.0
    used: float = 0.0
    consumed: float = 0.0
    returning: float = 0.0
    returned: float = 0.0

    @property
    def held(self):
        """Issued and neither consumed nor on their way back."""
        return max(self.issued - self.consumed - self.returning - self.returned, 0.0)

    @property
    def to_consume(self):
        """Used and not consumed yet: at most what the engineer holds."""
        return min(max(self.used - self.consumed, 0.0), self.held)

    @property
    def to_return(self):
        """What the engineer holds beyond what he used."""
        return max(self.held - self.to_consume, 0.0)

    @property
    def max_used(self):
        """The most he can have used: what was issued and did not come back."""
        return max(self.issued - self.returning - self.returned, 0.0)


def line_state(quantities):
    """Where a parts line stands: one of :data:`STATES`.

    Something left to issue: ``issued`` once part of it went to the engineer,
    else ``reserved`` when all of it is reserved, else ``waiting``. Nothing
    left to issue: ``issued`` while the engineer holds parts or some are on
    their way back, ``done`` when everything issued is consumed or back,
    ``released`` when nothing was ever issued.
    """
    q = quantities
    if q.pending > EPSILON:
        if q.issued > EPSILON:
            return ISSUED
        return RESERVED if q.reserved >= q.pending - EPSILON else WAITING
    if q.issued <= EPSILON:
        return RELEASED
    if q.held > EPSILON or q.returning > EPSILON:
        return ISSUED
    return DONE


def used_problem(quantities):
    """Why the used quantity is impossible (a phrase key), or ``None``."""
    q = quantities
    if q.used < -EPSILON:
        return "negative"
    if q.used > q.max_used + EPSILON:
        return "more_than_issued"
    if q.used < q.consumed - EPSILON:
        return "less_than_consumed"
    return None


def suggested_minimum(demand, months, cover_months=1.0):
    """The minimum stock that covers ``cover_months`` of the average monthly
    demand over the last ``months`` (rounded up to a whole unit).

    >>> suggested_minimum(13, 6)
    3
    >>> suggested_minimum(0, 6)
    0
    """
    if months <= 0 or demand <= EPSILON or cover_months <= 0:
        return 0
    return math.ceil(demand / months * cover_months - EPSILON)
