"""The customer's own side: his request in plain words, the time slots he
offers, when he may answer the appointment (aftersales_sop.rules.portal)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import portal as p

MONDAY_10 = datetime(2026, 9, 28, 10)


def test_the_steps_of_a_request():
    assert p.status(done=False) == p.RECEIVED
    assert p.status(done=False, assigned=True) == p.ASSIGNED
    # the engineer called ahead with his arrival time
    assert p.status(done=False, assigned=True, announced=True) == p.ON_THE_WAY
    assert p.status(done=False, assigned=True, on_site=True) == p.ON_SITE
    assert p.status(done=True, assigned=True, on_site=True) == p.DONE
    # a call ahead without a dispatch order in progress (its order was
    # cancelled) is not "on the way"
    assert p.status(done=False, announced=True) == p.RECEIVED


@given(st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_the_later_step_wins(done, on_site, announced, assigned):
    step = p.status(done=done, on_site=on_site, announced=announced, assigned=assigned)
    assert step in p.STEPS
    if done:
        assert step == p.DONE
    elif on_site:
        assert step == p.ON_SITE
    elif not assigned:
        assert step == p.RECEIVED


def test_the_answer_deadline():
    appointment = datetime(2026, 9, 30, 9)
    assert p.answer_deadline(appointment, 24) == datetime(2026, 9, 29, 9)
    assert p.may_answer(datetime(2026, 9, 29, 9), appointment, 24)
    assert not p.may_answer(datetime(2026, 9, 29, 9, 0, 1), appointment, 24)
    # 0 hours: up to the appointment itself
    assert p.may_answer(appointment, appointment, 0)
    assert not p.may_answer(appointment + timedelta(seconds=1), appointment, 0)
    with pytest.raises(ValueError):
        p.answer_deadline(appointment, -1)


@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
    st.integers(min_value=0, max_value=24 * 14),
    st.integers(min_value=-(10**6), max_value=10**6),
)
def test_answering_stops_hours_before(now, hours, offset):
    appointment = now + timedelta(seconds=offset)
    allowed = p.may_answer(now, appointment, hours)
    assert allowed == (appointment - now >= timedelta(hours=hours))


def test_slots_a_customer_offers():
    morning = p.Slot(date(2026, 9, 30), "morning")
    afternoon = p.Slot(date(2026, 10, 2), "afternoon")
    evening = p.Slot(date(2026, 10, 2), "evening")
    assert morning.bounds() == (datetime(2026, 9, 30, 9), datetime(2026, 9, 30, 12))
    assert p.slot_problem(MONDAY_10, [morning, afternoon]) is None
    assert p.slot_problem(MONDAY_10, [morning, afternoon, evening]) is None
    assert p.slot_problem(MONDAY_10, [morning]) == (p.TOO_FEW, None)
    fourth = p.Slot(date(2026, 10, 3), "morning")
    assert p.slot_problem(MONDAY_10, [morning, afternoon, evening, fourth]) == (
        p.TOO_MANY,
        None,
    )
    assert p.slot_problem(MONDAY_10, [morning, morning]) == (p.TWICE, morning)
    night = p.Slot(date(2026, 9, 30), "night")
    assert p.slot_problem(MONDAY_10, [morning, night]) == (p.UNKNOWN_PERIOD, night)
    # this morning began at 09:00: too late at 10:00
    today = p.Slot(date(2026, 9, 28), "morning")
    assert p.slot_problem(MONDAY_10, [today, afternoon]) == (p.TOO_SOON, today)
    # this afternoon is fine, unless a lead time is asked
    later = p.Slot(date(2026, 9, 28), "afternoon")
    assert p.slot_problem(MONDAY_10, [later, afternoon]) is None
    assert p.slot_problem(MONDAY_10, [later, afternoon], hours=24) == (
        p.TOO_SOON,
        later,
    )


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2026, 9, 20), max_value=date(2026, 10, 20)),
            st.sampled_from(sorted(p.PERIODS)),
        ),
        max_size=5,
    )
)
def test_accepted_slots_are_two_or_three_distinct_future_ones(raw):
    slots = [p.Slot(day, period) for day, period in raw]
    if p.slot_problem(MONDAY_10, slots) is None:
        assert p.MIN_SLOTS <= len(slots) <= p.MAX_SLOTS
        assert len(set(slots)) == len(slots)
        assert all(slot.bounds()[0] >= MONDAY_10 for slot in slots)
        assert all(start < end for start, end in (s.bounds() for s in slots))
