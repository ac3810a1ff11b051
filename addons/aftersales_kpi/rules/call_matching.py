# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Matching each answered call of the hotline's call log to the request an
agent created from it: the same caller's number (E.164), a request received
between the call's start and a window after its end, by the agent who
answered when the log names him."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

#: how long a request may have been created before the call's start (the
#: agent's clock and the telephony's are not the same)
CLOCK_SKEW = timedelta(minutes=2)


@dataclass(frozen=True)
class Request:
    """A request that may have been created from a call: its id, the
    customer's phone (E.164), when it was received, and the users who may have
    answered the call (who created it, who it is assigned to)."""

    id: int
    phone: str
    received: datetime
    agents: frozenset = frozenset()


def match_calls(calls, requests, window: timedelta) -> dict:
    """``{call key: request id}``: each answered call of ``calls`` (``(key,
    caller, start, end, agent or None)``, ``agent`` the user who answered when
    known) matched to the request created from it: the same phone, received
    from the call's start (give or take the clocks' difference) to ``window``
    after its end, created or taken by the agent when the call names one. The
    closest request in time wins; a request answers one call only, the
    earliest calls choose first."""
    by_phone: dict[str, list[Request]] = {}
    for request in requests:
        by_phone.setdefault(request.phone, []).append(request)
    for candidates in by_phone.values():
        candidates.sort(key=lambda r: (r.received, r.id))
    taken: set[int] = set()
    matched = {}
    calls = sorted(calls, key=lambda c: (c[2], str(c[0])))
    for key, caller, start, end, agent in calls:
        best = None
        for request in by_phone.get(caller, ()):
            if request.received < start - CLOCK_SKEW:
                continue
            if request.received > end + window:
                break
            if request.id in taken or (agent and agent not in request.agents):
                continue
            distance = abs((request.received - start).total_seconds())
            if best is None or distance < best[0]:
                best = (distance, request.id)
        if best is not None:
            taken.add(best[1])
            matched[key] = best[1]
    return matched
