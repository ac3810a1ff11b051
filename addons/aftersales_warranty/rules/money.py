# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who pays, and who agreed, before the repair work starts (SPEC §1, §4, §5).

The diagnosis is free to start (the engineer's site survey, the repair
centre's detection): it often decides the coverage. The repair work itself
waits for:

* ``undecided``: the warranty decision of the request is not confirmed yet;
* ``outdated``: the decision is confirmed, but the purchase data or the
  excluded cause changed since (the suggestion now differs): confirm it again;
* ``consent``: something is charged (a fee above zero, a quote to pay) and
  the customer has not accepted it;
* ``goodwill``: the unit is not covered (expired, excluded, no proof, no
  warranty) and nothing the customer pays was accepted: a free repair of it is
  a goodwill repair, which an after-sales manager approves with a reason.

A repair quote goes to the customer once the after-sales supervisor approved
it when its total is above the company's threshold (a threshold of zero: every
after-sales quote).
"""

from __future__ import annotations

from .warranty import FREE_STATES

UNDECIDED = "undecided"
OUTDATED = "outdated"
CONSENT = "consent"
GOODWILL = "goodwill"
BLOCKERS = (UNDECIDED, OUTDATED, CONSENT, GOODWILL)


def work_blocker(
    decision: str | None,
    outdated: bool = False,
    charged: bool = False,
    accepted: bool = False,
    quote_accepted: bool = False,
    goodwill: bool = False,
) -> str | None:
    """What the repair work waits for (one of :data:`BLOCKERS`), or ``None``.

    ``decision``: the confirmed warranty decision (``None``: not confirmed);
    ``outdated``: it no longer matches the suggestion; ``charged``: this job
    charges the customer something (a fee, a quote); ``accepted``: he accepted
    that charge; ``quote_accepted``: he accepted a repair quote of the request;
    ``goodwill``: a manager approved a free repair of the uncovered unit.
    """
    if not decision:
        return UNDECIDED
    if outdated:
        return OUTDATED
    if charged and not accepted:
        return CONSENT
    if decision in FREE_STATES or charged or quote_accepted or goodwill:
        return None
    return GOODWILL


def needs_goodwill(decision: str | None, charged: bool) -> bool:
    """A free repair of a unit the decision does not cover is a goodwill repair."""
    return bool(decision) and decision not in FREE_STATES and not charged


def quote_needs_approval(amount: float, threshold: float) -> bool:
    """A repair quote above ``threshold`` needs the supervisor's approval;
    a threshold of zero (or below) means every after-sales quote does."""
    return threshold <= 0 or amount > threshold
