"""Look-ups per address and window (aftersales_sop.rules.rate_limit)."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import rate_limit as r


def test_windows_of_a_minute():
    now = datetime(2026, 9, 28, 10, 15, 42, 500000)
    assert r.window_start(now, 60) == datetime(2026, 9, 28, 10, 15)
    assert r.retry_after(now, 60) == 18  # 17.5 s left, rounded up
    assert r.retry_after(datetime(2026, 9, 28, 10, 15), 60) == 60
    with pytest.raises(ValueError):
        r.window_start(now, 0)


def test_the_limit():
    assert r.allowed(1, 10)
    assert r.allowed(10, 10)
    assert not r.allowed(11, 10)
    # no limit
    assert r.allowed(10**6, 0)


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(min_value=1, max_value=3600),
)
def test_a_moment_is_in_its_window(now, seconds):
    start = r.window_start(now, seconds)
    assert start <= now < start + timedelta(seconds=seconds)
    assert 1 <= r.retry_after(now, seconds) <= seconds
    # every moment of the window falls in the same one
    assert r.window_start(start + timedelta(seconds=seconds - 1), seconds) == start
