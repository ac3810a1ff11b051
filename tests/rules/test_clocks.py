"""Service clocks: deadlines, pauses, states (aftersales_sop.rules.clocks)."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import clocks
from aftersales_sop.rules.working_time import Attendance, WorkingCalendar

UTC_OFFICE = WorkingCalendar(
    [Attendance(d, 9, 12) for d in range(5)]
    + [Attendance(d, 13, 18) for d in range(5)],
    tz="UTC",
    holidays=[(datetime(2026, 10, 1), datetime(2026, 10, 8))],
)
MONDAY_10 = datetime(2026, 9, 28, 10)


def test_elapsed_and_working_deadlines():
    assert clocks.deadline(MONDAY_10, 30, "minutes") == datetime(2026, 9, 28, 10, 30)
    assert clocks.deadline(MONDAY_10, 24, "hours") == datetime(2026, 9, 29, 10)
    assert clocks.deadline(MONDAY_10, 7, "days") == datetime(2026, 10, 5, 10)
    # 3 working days from Monday 10:00: Thursday 10:00, but 1-7 October are
    # holidays, so Thursday 8 October
    assert clocks.deadline(MONDAY_10, 3, "working_days", UTC_OFFICE) == datetime(
        2026, 10, 8, 10
    )
    assert clocks.deadline(MONDAY_10, 8, "working_hours", UTC_OFFICE) == datetime(
        2026, 9, 29, 10
    )
    # 30 working minutes from Friday 17:50: 10 minutes on Friday, 20 on Monday
    assert clocks.deadline(
        datetime(2026, 9, 25, 17, 50), 30, "working_minutes", UTC_OFFICE
    ) == datetime(2026, 9, 28, 9, 20)
    # a request registered at 22:00 is reviewed from 09:00 the next working day
    assert clocks.deadline(
        datetime(2026, 9, 28, 22), 30, "working_minutes", UTC_OFFICE
    ) == datetime(2026, 9, 29, 9, 30)


def test_bad_arguments():
    with pytest.raises(ValueError):
        clocks.deadline(MONDAY_10, 1, "fortnights")
    with pytest.raises(ValueError):
        clocks.deadline(MONDAY_10, 1, "working_hours")  # no calendar
    with pytest.raises(ValueError):
        clocks.deadline(MONDAY_10, -1, "hours")
    with pytest.raises(ValueError):
        clocks.resumed_deadline(
            MONDAY_10, MONDAY_10 - timedelta(hours=1), MONDAY_10, "hours"
        )


def test_states():
    due = MONDAY_10 + timedelta(hours=1)
    now = MONDAY_10 + timedelta(minutes=30)
    assert clocks.state(None, None, None, now) == clocks.PENDING
    assert clocks.state(MONDAY_10, None, due, now) == clocks.RUNNING
    assert clocks.state(MONDAY_10, None, due, now, paused_at=now) == clocks.PAUSED
    # a paused clock is frozen: not breached while it waits, unless already late
    later = due + timedelta(hours=5)
    assert clocks.state(MONDAY_10, None, due, later, paused_at=now) == clocks.PAUSED
    assert clocks.state(
        MONDAY_10, None, due, later, paused_at=due + timedelta(minutes=1)
    ) == (clocks.BREACHED)
    assert (
        clocks.state(MONDAY_10, due, due, now) == clocks.MET
    )  # on the deadline is in time
    assert (
        clocks.state(MONDAY_10, due + timedelta(seconds=1), due, now) == clocks.BREACHED
    )
    assert (
        clocks.state(MONDAY_10, None, due, due + timedelta(seconds=1))
        == clocks.BREACHED
    )


def test_pause_gives_back_the_time_left():
    due = MONDAY_10 + timedelta(hours=4)
    paused, resumed = MONDAY_10 + timedelta(hours=1), MONDAY_10 + timedelta(hours=3)
    assert clocks.resumed_deadline(paused, resumed, due, "hours") == due + timedelta(
        hours=2
    )
    # working time: 1 working hour used Monday 10-11, paused until Tuesday 09:00
    due = clocks.deadline(MONDAY_10, 4, "working_hours", UTC_OFFICE)  # Monday 15:00
    new = clocks.resumed_deadline(
        datetime(2026, 9, 28, 11),
        datetime(2026, 9, 29, 9),
        due,
        "working_hours",
        UTC_OFFICE,
    )
    assert new == datetime(2026, 9, 29, 12)


def test_overdue_clock_keeps_its_deadline_when_paused():
    due = MONDAY_10
    assert (
        clocks.resumed_deadline(
            due + timedelta(hours=1), due + timedelta(hours=5), due, "hours"
        )
        == due
    )


def test_a_run_called_off_in_time_has_no_verdict():
    due = MONDAY_10 + timedelta(hours=4)
    cancel = MONDAY_10 + timedelta(hours=1)
    later = due + timedelta(days=2)
    # the dispatch order is cancelled before the engineer arrived: no verdict,
    # whenever it is looked at
    assert clocks.state(MONDAY_10, None, due, later, called_off=cancel) == (
        clocks.CANCELLED
    )
    # called off after its deadline: it was already breached, and stays so
    assert (
        clocks.state(MONDAY_10, None, due, later, called_off=due + timedelta(hours=1))
        == clocks.BREACHED
    )
    # the engineer arrived, then the order was cancelled: the verdict stands
    arrival = MONDAY_10 + timedelta(hours=2)
    cancel = arrival + timedelta(hours=1)
    assert clocks.state(MONDAY_10, arrival, due, later, called_off=cancel) == (
        clocks.MET
    )
    assert clocks.CANCELLED in clocks.ENDED and clocks.RUNNING not in clocks.ENDED


def test_each_run_is_judged_against_its_own_appointment():
    """The reported case: the first engineer checked in, his order was
    cancelled, the request was dispatched again with an appointment two days
    later, and the new engineer arrived 30 minutes before it."""
    urgent_same_city = clocks.Limit(4, "hours")
    first_dispatch = MONDAY_10
    first_deadline = clocks.run_deadline(first_dispatch, urgent_same_city)
    assert first_deadline == datetime(2026, 9, 28, 14)
    second_dispatch = datetime(2026, 9, 29, 15)
    appointment = datetime(2026, 9, 30, 12)
    second_deadline = clocks.run_deadline(
        second_dispatch, urgent_same_city, appointment=appointment
    )
    assert second_deadline == appointment
    arrival = appointment - timedelta(minutes=30)
    assert clocks.minutes_late(arrival, second_deadline) == 0
    assert clocks.state(second_dispatch, arrival, second_deadline, arrival) == (
        clocks.MET
    )
    # judged against the first order's deadline he would have been 2,730
    # minutes late
    assert clocks.minutes_late(arrival, first_deadline) == 2730
    # without an appointment, the run's limit counts from its own dispatch
    assert clocks.run_deadline(second_dispatch, urgent_same_city) == datetime(
        2026, 9, 29, 19
    )
    with pytest.raises(ValueError):
        clocks.run_deadline(second_dispatch, None)


def test_minutes_late():
    due = MONDAY_10
    assert clocks.minutes_late(due, due) == 0
    assert clocks.minutes_late(due - timedelta(hours=1), due) == 0
    assert clocks.minutes_late(due + timedelta(seconds=59), due) == 0
    assert clocks.minutes_late(due + timedelta(minutes=20, seconds=30), due) == 20
    assert clocks.minutes_late(due, None) == 0
    assert clocks.minutes_late(None, due) == 0


# -- properties ------------------------------------------------------------------

moments = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 6, 30)
).map(lambda d: d.replace(second=0, microsecond=0))
units = st.sampled_from(clocks.UNITS)
limits = st.integers(0, 200).map(lambda n: n / 4)


@given(moments, limits, units)
def test_deadline_is_never_before_the_start(start, limit, unit):
    assert clocks.deadline(start, limit, unit, UTC_OFFICE) >= start


@given(moments, limits, units)
def test_the_limit_is_exactly_the_time_until_the_deadline(start, limit, unit):
    due = clocks.deadline(start, limit, unit, UTC_OFFICE)
    left = clocks.time_left(start, due, unit, UTC_OFFICE)
    expected = {
        "minutes": timedelta(minutes=limit),
        "working_minutes": timedelta(minutes=limit),
        "hours": timedelta(hours=limit),
        "days": timedelta(days=limit),
        "working_hours": timedelta(hours=limit),
        "working_days": timedelta(hours=limit * UTC_OFFICE.hours_per_day),
    }[unit]
    assert left == expected


@given(
    moments, limits, units, st.integers(0, 60 * 24 * 10), st.integers(0, 60 * 24 * 10)
)
def test_a_pause_never_shortens_and_keeps_the_active_time(
    start, limit, unit, before, pause
):
    due = clocks.deadline(start, limit, unit, UTC_OFFICE)
    paused_at = start + timedelta(minutes=before)
    resumed_at = paused_at + timedelta(minutes=pause)
    new = clocks.resumed_deadline(paused_at, resumed_at, due, unit, UTC_OFFICE)
    assert new >= due
    if paused_at < due:
        # the time the clock runs (before the pause, then after it) is its limit
        used = clocks.time_left(start, paused_at, unit, UTC_OFFICE)
        rest = clocks.time_left(resumed_at, new, unit, UTC_OFFICE)
        assert used + rest == clocks.time_left(start, due, unit, UTC_OFFICE)


@given(moments, moments, moments, moments)
def test_met_and_breached_are_decided_by_the_deadline(start, stop, due, now):
    result = clocks.state(start, stop, due, now)
    assert result == (clocks.MET if stop <= due else clocks.BREACHED)
    running = clocks.state(start, None, due, now)
    assert running == (clocks.BREACHED if now > due else clocks.RUNNING)


@given(moments, moments, moments, moments, moments)
def test_a_run_called_off_before_it_stopped_is_never_met(
    start, due, now, called_off, stop
):
    result = clocks.state(start, None, due, now, called_off=called_off)
    assert result == (clocks.BREACHED if called_off > due else clocks.CANCELLED)
    # a stop recorded before the cancellation keeps its verdict; one after it
    # does not count
    stopped = clocks.state(start, stop, due, now, called_off=called_off)
    if stop <= called_off:
        assert stopped == clocks.state(start, stop, due, now)
    else:
        assert stopped == result


@given(moments, limits, units, moments, st.integers(-60 * 24 * 5, 60 * 24 * 5))
def test_the_appointment_is_the_deadline_whatever_the_dispatch(
    start, limit, unit, appointment, offset
):
    limit_line = clocks.Limit(limit, unit)
    due = clocks.run_deadline(start, limit_line, UTC_OFFICE, appointment)
    assert due == appointment
    arrival = appointment + timedelta(minutes=offset)
    late = clocks.minutes_late(arrival, due)
    verdict = clocks.state(start, arrival, due, arrival)
    assert late == max(offset, 0)
    assert verdict == (clocks.BREACHED if offset > 0 else clocks.MET)
    assert clocks.run_deadline(start, limit_line, UTC_OFFICE) == clocks.deadline(
        start, limit, unit, UTC_OFFICE
    )


@given(moments, moments)
def test_minutes_late_agrees_with_the_verdict(arrival, due):
    late = clocks.minutes_late(arrival, due)
    assert late >= 0
    if clocks.state(due, arrival, due, arrival) == clocks.MET:
        assert late == 0
    else:
        assert timedelta(minutes=late) <= arrival - due < timedelta(minutes=late + 1)


# -- limits by urgency and zone ----------------------------------------------------

URGENCIES = st.sampled_from([None, "urgent", "important", "normal"])
limit_lines = st.lists(
    st.builds(
        clocks.Limit,
        limit=limits,
        unit=units,
        urgency=URGENCIES,
        zone=st.sampled_from([None, clocks.SAME_ZONE, clocks.OTHER_ZONE]),
    ),
    max_size=6,
)
DEFAULT = clocks.Limit(4, "hours")


def test_the_on_site_limits_of_the_seeds():
    lines = [
        clocks.Limit(4, "hours", urgency="urgent", zone=clocks.SAME_ZONE),
        clocks.Limit(24, "hours", urgency="urgent", zone=clocks.OTHER_ZONE),
        clocks.Limit(1, "working_days", urgency="normal", zone=clocks.SAME_ZONE),
        clocks.Limit(2, "working_days", urgency="normal", zone=clocks.OTHER_ZONE),
        clocks.Limit(24, "hours", zone=clocks.OTHER_ZONE),
    ]
    assert clocks.pick_limit(lines, DEFAULT, "urgent", False) == lines[0]
    assert clocks.pick_limit(lines, DEFAULT, "urgent", True) == lines[1]
    assert clocks.pick_limit(lines, DEFAULT, "normal", False) == lines[2]
    assert clocks.pick_limit(lines, DEFAULT, "normal", True) == lines[3]
    # "important" has no line of its own: the zone's line, else the default
    assert clocks.pick_limit(lines, DEFAULT, "important", True) == lines[4]
    assert clocks.pick_limit(lines, DEFAULT, "important", False) == DEFAULT
    assert clocks.pick_limit([], DEFAULT, None, True) == DEFAULT


@given(limit_lines, URGENCIES, st.booleans())
def test_the_picked_limit_matches_and_nothing_more_specific_does(
    lines, urgency, other_zone
):
    picked = clocks.pick_limit(lines, DEFAULT, urgency, other_zone)
    matching = [line for line in lines if line.matches(urgency, other_zone)]
    if not matching:
        assert picked is DEFAULT
        return
    assert picked in matching
    assert all(line.specificity <= picked.specificity for line in matching)
    # the first of the most specific ones wins
    assert picked is next(
        line for line in matching if line.specificity == picked.specificity
    )


@given(limit_lines, URGENCIES, st.booleans())
def test_a_line_for_another_urgency_or_zone_never_applies(lines, urgency, other_zone):
    picked = clocks.pick_limit(lines, DEFAULT, urgency, other_zone)
    if picked is not DEFAULT:
        assert picked.urgency in (None, urgency)
        assert picked.zone in (
            None,
            clocks.OTHER_ZONE if other_zone else clocks.SAME_ZONE,
        )
