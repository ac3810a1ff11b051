# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Look-ups per address and per window (SPEC §12: the public warranty check is
limited per address).

Windows are fixed: a window of ``seconds`` starts at every multiple of
``seconds`` since the epoch. An address may make ``limit`` look-ups in a
window; the next ones are refused until the window ends. A limit of 0 (or
less) means no limit.
"""

from __future__ import annotations

from datetime import datetime, timedelta

EPOCH = datetime(1970, 1, 1)


def window_start(now: datetime, seconds: int) -> datetime:
    """The start of the window ``now`` falls in."""
    if seconds <= 0:
        raise ValueError("a window lasts at least one second")
    elapsed = int((now - EPOCH).total_seconds())
    return EPOCH + timedelta(seconds=elapsed - elapsed % seconds)


def allowed(hits: int, limit: int) -> bool:
    """The ``hits``-th look-up of a window is allowed under ``limit``."""
    return limit <= 0 or hits <= limit


def retry_after(now: datetime, seconds: int) -> int:
    """Whole seconds until the window of ``now`` ends (at least 1)."""
    end = window_start(now, seconds) + timedelta(seconds=seconds)
    return max(int((end - now).total_seconds() + 0.999), 1)
