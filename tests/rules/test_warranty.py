"""Warranty periods and the suggestion (aftersales_warranty.rules.warranty)."""

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aftersales_warranty.rules import warranty as w

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))
MONTHS = st.integers(min_value=0, max_value=240)
PERIODS = st.integers(min_value=1, max_value=240)
EXCLUSIONS = st.one_of(st.none(), st.sampled_from(["water", "human", "voltage"]))


def _last_day(year, month):
    return calendar.monthrange(year, month)[1]


# -- the examples of SPEC §5 ---------------------------------------------------------


def test_spec_examples():
    assert w.covered_through(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert w.covered_through(date(2024, 2, 29), 12) == date(2025, 2, 28)
    # the last day is inclusive
    assert w.is_covered(date(2025, 11, 30), 3, date(2026, 2, 28))
    assert not w.is_covered(date(2025, 11, 30), 3, date(2026, 3, 1))


@pytest.mark.parametrize(
    "start, months, end",
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap February
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 1, 15), 12, date(2026, 1, 15)),
        (date(2023, 2, 28), 12, date(2024, 2, 28)),  # not moved to the 29th
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
    ],
)
def test_month_ends(start, months, end):
    assert w.covered_through(start, months) == end


def test_bad_periods():
    with pytest.raises(ValueError):
        w.covered_through(date(2025, 1, 1), -1)
    with pytest.raises(ValueError):
        w.add_months(date(9999, 12, 1), 1)
    with pytest.raises(ValueError):
        w.replacement_start("forever", date(2025, 1, 1), date(2025, 2, 1))


# -- properties of the calendar-month arithmetic --------------------------------------


@given(DAYS, MONTHS)
def test_end_is_exactly_n_calendar_months_later(start, months):
    end = w.covered_through(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    # same day of the month, or the last day of a shorter month
    if start.day <= _last_day(end.year, end.month):
        assert end.day == start.day
    else:
        assert end.day == _last_day(end.year, end.month)
    assert end >= start


@given(DAYS, MONTHS, MONTHS)
def test_longer_periods_never_end_earlier(start, a, b):
    assume(a <= b)
    assert w.covered_through(start, a) <= w.covered_through(start, b)


@given(DAYS, DAYS, MONTHS)
def test_later_purchases_never_end_earlier(a, b, months):
    assume(a <= b)
    assert w.covered_through(a, months) <= w.covered_through(b, months)


@given(DAYS, PERIODS, st.integers(min_value=-400, max_value=8000))
def test_covered_days_form_one_inclusive_interval(start, months, offset):
    day = start + timedelta(days=offset)
    end = w.covered_through(start, months)
    assert w.is_covered(start, months, day) == (start <= day <= end)
    # the day after the last covered day is the first uncovered one
    assert w.is_covered(start, months, end)
    assert not w.is_covered(start, months, end + timedelta(days=1))


@given(DAYS, PERIODS, PERIODS)
def test_month_end_clamping_never_skips_a_month(start, a, b):
    """N months then M months never ends later than N + M months at once."""
    stepwise = w.add_months(w.add_months(start, a), b)
    assert stepwise <= w.add_months(start, a + b)
    assert (stepwise.year, stepwise.month) == (
        w.add_months(start, a + b).year,
        w.add_months(start, a + b).month,
    )


@given(
    st.integers(min_value=1990, max_value=2200), st.integers(min_value=1, max_value=12)
)
def test_month_end_purchases_end_on_a_month_end_or_the_same_day(year, month):
    start = date(year, month, _last_day(year, month))
    for months in (1, 3, 12):
        end = w.covered_through(start, months)
        assert end.day == min(start.day, _last_day(end.year, end.month))


# -- the suggestion -----------------------------------------------------------------


def test_suggestion_examples():
    bought = date(2025, 11, 30)
    assert w.suggest(date(2026, 2, 28), bought, 3, True).state == w.IN_WARRANTY
    assert w.suggest(date(2026, 2, 28), bought, 3, True).covered_through == date(
        2026, 2, 28
    )
    assert w.suggest(date(2026, 3, 1), bought, 3, True).state == w.EXPIRED
    assert w.suggest(date(2026, 1, 5), bought, 3, False).state == w.NO_PROOF
    assert w.suggest(date(2026, 1, 5), None, 3, True).state == w.NO_PROOF
    assert w.suggest(date(2026, 1, 5), bought, None, True).state == w.NO_WARRANTY
    excluded = w.suggest(date(2026, 1, 5), bought, 3, True, "water")
    assert (excluded.state, excluded.exclusion, excluded.free) == (
        w.EXCLUDED,
        "water",
        False,
    )
    # a request dated before the purchase: the proof cannot be right
    assert w.suggest(date(2025, 11, 29), bought, 3, True).state == w.NO_PROOF


@given(DAYS, DAYS, st.one_of(st.none(), MONTHS), st.booleans(), EXCLUSIONS)
def test_only_a_covered_unexcluded_request_with_proof_is_free(
    on, start, months, proof, exclusion
):
    s = w.suggest(on, start, months, proof, exclusion)
    assert s.state in w.STATES
    assert s.free == (s.state == w.IN_WARRANTY)
    if s.free:
        assert proof and exclusion is None and months
        assert start <= on <= w.covered_through(start, months)
        assert s.covered_through == w.covered_through(start, months)
    if not proof:
        assert s.state == w.NO_PROOF
    if exclusion and s.state != w.EXCLUDED:
        assert s.state in (w.NO_PROOF, w.NO_WARRANTY, w.EXPIRED)


@given(DAYS, PERIODS, EXCLUSIONS, st.integers(min_value=0, max_value=8000))
def test_the_suggestion_follows_the_period(start, months, exclusion, offset):
    on = start + timedelta(days=offset)
    s = w.suggest(on, start, months, True, exclusion)
    inside = w.is_covered(start, months, on)
    if not inside:
        assert s.state == w.EXPIRED
    elif exclusion:
        assert s.state == w.EXCLUDED and s.exclusion == exclusion
    else:
        assert s.state == w.IN_WARRANTY


@given(DAYS, PERIODS, st.integers(min_value=0, max_value=4000), st.integers(0, 4000))
def test_once_expired_always_expired(start, months, a, b):
    first, later = sorted((a, b))
    s1 = w.suggest(start + timedelta(days=first), start, months, True)
    s2 = w.suggest(start + timedelta(days=later), start, months, True)
    if s1.state == w.EXPIRED:
        assert s2.state == w.EXPIRED
    if s2.state == w.IN_WARRANTY:
        assert s1.state == w.IN_WARRANTY


# -- replacement ---------------------------------------------------------------------


@given(DAYS, PERIODS, st.integers(min_value=0, max_value=4000))
def test_replacement_keeps_the_remaining_warranty(start, months, offset):
    replaced = start + timedelta(days=offset)
    new_start = w.replacement_start(w.REPLACEMENT_REMAINING, start, replaced)
    assert w.covered_through(new_start, months) == w.covered_through(start, months)


@given(DAYS, PERIODS, st.integers(min_value=-100, max_value=4000))
def test_replacement_with_a_fresh_period(start, months, offset):
    replaced = start + timedelta(days=offset)
    new_start = w.replacement_start(w.REPLACEMENT_FRESH, start, replaced)
    assert new_start == max(start, replaced)
    # a fresh period never gives less than what was left
    assert w.covered_through(new_start, months) >= w.covered_through(start, months)
