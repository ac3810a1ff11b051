"""Strike counting of penalty rules (aftersales_kpi.rules.strikes)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from aftersales_kpi.rules.strikes import (
    Occurrence,
    counting_now,
    find_strikes,
    within_window,
)

DAY0 = date(2026, 1, 1)


def occ(key, offset):
    return Occurrence(key, DAY0 + timedelta(days=offset))


def occurrences(max_size=12, max_offset=120):
    return st.lists(
        st.integers(min_value=0, max_value=max_offset), max_size=max_size
    ).map(lambda offsets: [occ(i, o) for i, o in enumerate(offsets)])


limits = st.integers(min_value=1, max_value=4)
windows = st.integers(min_value=0, max_value=60)


def best_possible(items, limit, window_days):
    """The most disjoint groups of ``limit`` occurrences within the window
    that any grouping makes (brute force, for small inputs)."""
    items = sorted(items, key=lambda o: o.day)

    def best(rest):
        if len(rest) < limit:
            return 0
        first, others = rest[0], rest[1:]
        result = best(others)  # the first one is in no group
        partners = [o for o in others if within_window(first.day, o.day, window_days)]
        for group in _combinations(partners, limit - 1):
            remaining = [o for o in others if o not in group]
            result = max(result, 1 + best(remaining))
        return result

    return best(items)


def _combinations(items, size):
    if size == 0:
        yield ()
        return
    for index, item in enumerate(items):
        for tail in _combinations(items[index + 1 :], size - 1):
            yield (item, *tail)


# -- examples of the company's rules ------------------------------------------


def test_three_times_left_post_within_a_year_is_a_strike():
    penalties = [occ(1, 0), occ(2, 100), occ(3, 364)]
    strikes = find_strikes(penalties, 3, 365)
    assert len(strikes) == 1
    assert strikes[0].keys == {1, 2, 3}
    assert strikes[0].last_day == DAY0 + timedelta(days=364)
    # the third a day too late: the first no longer counts
    assert find_strikes([occ(1, 0), occ(2, 100), occ(3, 365)], 3, 365) == []


def test_strikes_use_up_their_occurrences():
    penalties = [occ(i, i) for i in range(7)]
    strikes = find_strikes(penalties, 3, 365)
    assert [s.keys for s in strikes] == [{0, 1, 2}, {3, 4, 5}]
    today = DAY0 + timedelta(days=10)
    assert [o.key for o in counting_now(penalties, 3, 365, today)] == [6]


def test_a_cancelled_penalty_counts_for_nothing():
    penalties = [occ(1, 0), occ(2, 10), occ(3, 20)]
    assert len(find_strikes(penalties, 3, 365)) == 1
    # the Odoo layer leaves the cancelled one out
    assert find_strikes(penalties[:1] + penalties[2:], 3, 365) == []


def test_no_limit_no_strike_and_window_zero_is_ever():
    penalties = [occ(1, 0), occ(2, 1000), occ(3, 5000)]
    assert find_strikes(penalties, 0, 365) == []
    assert len(find_strikes(penalties, 3, 0)) == 1
    assert counting_now(penalties, 0, 365, DAY0) == []


def test_counting_now_forgets_what_left_the_window():
    penalties = [occ(1, 0), occ(2, 30)]
    assert len(counting_now(penalties, 3, 365, DAY0 + timedelta(days=40))) == 2
    assert len(counting_now(penalties, 3, 365, DAY0 + timedelta(days=366))) == 1
    # future occurrences do not count yet
    assert counting_now(penalties, 3, 365, DAY0 + timedelta(days=5)) == [penalties[0]]


# -- properties ---------------------------------------------------------------------


@given(occurrences(), limits, windows)
def test_each_strike_is_limit_occurrences_within_the_window(items, limit, window):
    strikes = find_strikes(items, limit, window)
    used = set()
    for strike in strikes:
        assert len(strike.occurrences) == limit
        assert within_window(strike.first_day, strike.last_day, window)
        assert not used & strike.keys  # an occurrence makes one strike at most
        used |= strike.keys
        assert strike.keys <= {o.key for o in items}
    assert len(strikes) <= len(items) // limit
    days = [s.last_day for s in strikes]
    assert days == sorted(days)


@given(occurrences(), limits)
def test_without_a_window_every_limit_occurrences_make_a_strike(items, limit):
    assert len(find_strikes(items, limit, 0)) == len(items) // limit


@given(occurrences(), limits, windows, st.randoms(use_true_random=False))
def test_the_order_of_the_records_does_not_matter(items, limit, window, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert find_strikes(shuffled, limit, window) == find_strikes(items, limit, window)


@given(occurrences(max_size=8, max_offset=40), limits, windows)
def test_as_many_strikes_as_any_grouping_could_make(items, limit, window):
    assert len(find_strikes(items, limit, window)) == best_possible(
        items, limit, window
    )


@given(occurrences(), limits, windows, st.data())
def test_cancelling_a_penalty_never_adds_a_strike(items, limit, window, data):
    if not items:
        return
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    rest = items[:index] + items[index + 1 :]
    assert len(find_strikes(rest, limit, window)) <= len(
        find_strikes(items, limit, window)
    )


@given(occurrences(), limits, windows, st.integers(min_value=0, max_value=200))
def test_what_counts_now_is_short_of_a_strike_and_within_the_window(
    items, limit, window, offset
):
    today = DAY0 + timedelta(days=offset)
    counting = counting_now(items, limit, window, today)
    assert len(counting) < limit
    so_far = [o for o in items if o.day <= today]
    used = set().union(*(s.keys for s in find_strikes(so_far, limit, window)))
    for occurrence in counting:
        assert occurrence.key not in used
        assert occurrence.day <= today
        assert within_window(occurrence.day, today, window)


def test_brute_force_reference_agrees_on_a_known_case():
    # limit 2 within 10 days: 0-5 and 9-14 pair up, 20 is alone
    items = [occ(i, d) for i, d in enumerate([0, 5, 9, 14, 20])]
    assert best_possible(items, 2, 10) == 2
    assert len(find_strikes(items, 2, 10)) == 2
