"""Working-time arithmetic of the service clocks (aftersales_sop.rules.working_time)."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aftersales_sop.rules.working_time import (
    Attendance,
    NoWorkingTimeError,
    WorkingCalendar,
    week_type_of,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
MINUTE = timedelta(minutes=1)


def office(tz="Asia/Shanghai", holidays=()):
    """Mon-Fri 08:00-12:00 and 13:00-17:00 (a lunch break), 8 h a day."""
    slots = [Attendance(d, 8, 12) for d in range(5)] + [
        Attendance(d, 13, 17) for d in range(5)
    ]
    return WorkingCalendar(slots, tz=tz, holidays=holidays)


def bj(*args):
    """A Beijing wall-clock time as an aware datetime."""
    return datetime(*args, tzinfo=SHANGHAI)


# -- examples ------------------------------------------------------------------


def test_friday_afternoon_rolls_over_the_weekend():
    cal = office()
    assert cal.add_working_hours(bj(2026, 9, 25, 16), 3) == bj(2026, 9, 28, 10)


def test_lunch_break_is_not_working_time():
    cal = office()
    assert cal.add_working_hours(bj(2026, 9, 28, 12, 30), 1) == bj(2026, 9, 28, 14)
    assert cal.add_working_hours(bj(2026, 9, 28, 11, 30), 1) == bj(2026, 9, 28, 13, 30)
    assert not cal.is_working_time(bj(2026, 9, 28, 12, 30))
    assert cal.is_working_time(bj(2026, 9, 28, 13, 0))


def test_deadline_is_the_earliest_moment():
    cal = office()
    # eight hours from the opening end at closing time, not at the next opening
    assert cal.add_working_hours(bj(2026, 9, 28, 8), 8) == bj(2026, 9, 28, 17)
    assert cal.add_working_hours(bj(2026, 9, 28, 8), 4) == bj(2026, 9, 28, 12)


def test_national_day_is_skipped():
    holiday = (bj(2026, 10, 1), bj(2026, 10, 8))  # Thu 1 .. Wed 7 October
    cal = office(holidays=[holiday])
    assert cal.add_working_hours(bj(2026, 9, 30, 16), 2) == bj(2026, 10, 8, 9)
    assert cal.working_hours_between(bj(2026, 9, 30, 16), bj(2026, 10, 8, 9)) == 2


def test_holiday_given_as_local_dates():
    cal = office(holidays=[date(2026, 10, 1), date(2026, 10, 2)])
    assert cal.add_working_hours(bj(2026, 9, 30, 17), 1) == bj(2026, 10, 5, 9)


def test_half_day_holiday_splits_the_day():
    cal = office(holidays=[(bj(2026, 9, 28, 9), bj(2026, 9, 28, 15))])
    # 08:00-09:00 then 15:00-17:00 remain on Monday
    assert cal.working_hours_between(bj(2026, 9, 28), bj(2026, 9, 29)) == 3
    assert cal.add_working_hours(bj(2026, 9, 28, 8), 2) == bj(2026, 9, 28, 16)


def test_working_days_keep_the_time_of_day():
    cal = office()
    assert cal.hours_per_day == 8
    assert cal.add_working_days(bj(2026, 9, 25, 10), 1) == bj(2026, 9, 28, 10)
    assert cal.add_working_days(bj(2026, 9, 28, 10), 3) == bj(2026, 10, 1, 10)
    # a request on Saturday counts from Monday's opening
    assert cal.add_working_days(bj(2026, 9, 26, 10), 1) == bj(2026, 9, 28, 17)


def test_naive_is_utc_and_kind_is_kept():
    cal = office()
    naive = datetime(2026, 9, 28, 0, 0)  # 08:00 Beijing
    assert cal.add_working_hours(naive, 1) == datetime(2026, 9, 28, 1, 0)
    aware = bj(2026, 9, 28, 8)
    result = cal.add_working_hours(aware, 1)
    assert result.tzinfo is SHANGHAI and result == bj(2026, 9, 28, 9)


def test_daylight_saving_time_change():
    cal = office(tz="Europe/Paris")
    paris = ZoneInfo("Europe/Paris")
    # Friday 27 March 2026 16:00 CET + 3 h: 1 h on Friday, 2 h on Monday (CEST)
    end = cal.add_working_hours(datetime(2026, 3, 27, 16, tzinfo=paris), 3)
    assert end == datetime(2026, 3, 30, 10, tzinfo=paris)
    assert end.astimezone(timezone.utc).hour == 8


def test_two_week_rotation():
    # every other Saturday morning is worked
    monday = date(2026, 9, 28)
    saturday = monday + timedelta(days=5)
    slots = [Attendance(d, 9, 17) for d in range(5)]
    slots.append(Attendance(5, 9, 12, week_type=week_type_of(saturday)))
    cal = WorkingCalendar(slots, tz="UTC")
    sat = datetime.combine(saturday, time(9), tzinfo=timezone.utc)
    assert cal.working_hours_between(sat, sat + timedelta(days=1)) == 3
    assert (
        cal.working_hours_between(sat + timedelta(days=7), sat + timedelta(days=8)) == 0
    )


def test_attendance_validity_dates():
    cal = WorkingCalendar([Attendance(0, 9, 17, date_from=date(2026, 10, 1))], tz="UTC")
    assert cal.add_working_hours(datetime(2026, 9, 28, 9), 1) == datetime(
        2026, 10, 5, 10
    )


def test_full_day_attendance_until_midnight():
    cal = WorkingCalendar([Attendance(d, 0, 24) for d in range(7)], tz="UTC")
    start = datetime(2026, 9, 28, 22)
    assert cal.add_working_hours(start, 5) == datetime(2026, 9, 29, 3)


def test_errors():
    with pytest.raises(ValueError):
        Attendance(7, 8, 9)
    with pytest.raises(ValueError):
        Attendance(0, 9, 8)
    with pytest.raises(ValueError):
        Attendance(0, 9, 25)
    with pytest.raises(NoWorkingTimeError):
        WorkingCalendar([], tz="UTC").add_working_hours(datetime(2026, 1, 1), 1)
    with pytest.raises(ValueError):
        office().add_working_time(datetime(2026, 1, 1), timedelta(hours=-1))
    # a calendar whose every working day is a holiday for the next decades
    cal = WorkingCalendar(
        [Attendance(0, 9, 10)],
        tz="UTC",
        holidays=[(datetime(2000, 1, 1), datetime(2100, 1, 1))],
    )
    with pytest.raises(NoWorkingTimeError):
        cal.add_working_hours(datetime(2026, 1, 1), 1)


def test_zero_duration_is_the_start_even_outside_working_time():
    cal = office()
    saturday = bj(2026, 9, 26, 10)
    assert cal.add_working_hours(saturday, 0) == saturday


# -- properties ------------------------------------------------------------------

ZONES = ["UTC", "Asia/Shanghai", "Europe/Paris", "America/New_York"]


@st.composite
def attendances(draw):
    slots = []
    for weekday in range(7):
        cuts = sorted(draw(st.sets(st.integers(0, 48), max_size=6)))
        # consecutive cut pairs are slots, in half hours; the gaps are breaks
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            if end > start:
                slots.append(Attendance(weekday, start / 2, end / 2))
    # at least two working hours a week: the durations drawn below (up to twice
    # 30 days of minutes) then fit in the 20 years the calendar searches; a
    # calendar too thin for them raises NoWorkingTimeError (test_errors)
    assume(sum(slot.hour_to - slot.hour_from for slot in slots) >= 2)
    return slots


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)
).map(lambda d: d.replace(second=0, microsecond=0))


@st.composite
def holiday_ranges(draw):
    ranges = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(moments)
        length = draw(st.integers(60, 60 * 24 * 12))
        ranges.append((start, start + timedelta(minutes=length)))
    return ranges


@st.composite
def calendars(draw, with_holidays=True):
    holidays = draw(holiday_ranges()) if with_holidays else []
    return WorkingCalendar(
        draw(attendances()), tz=draw(st.sampled_from(ZONES)), holidays=holidays
    )


durations = st.integers(0, 60 * 24 * 30).map(lambda m: timedelta(minutes=m))


@given(calendars(), moments, durations)
def test_deadline_is_never_before_the_start(cal, start, duration):
    assert cal.add_working_time(start, duration) >= start


@given(calendars(), moments, durations, durations)
def test_adding_a_then_b_is_adding_a_plus_b(cal, start, a, b):
    assert cal.add_working_time(
        cal.add_working_time(start, a), b
    ) == cal.add_working_time(start, a + b)


@given(calendars(), moments, durations)
def test_counting_back_gives_the_duration(cal, start, duration):
    deadline = cal.add_working_time(start, duration)
    assert cal.working_time_between(start, deadline) == duration
    assert cal.working_time_between(deadline, start) == -duration


@given(calendars(), moments, durations.filter(bool))
def test_deadline_is_the_earliest_such_moment(cal, start, duration):
    deadline = cal.add_working_time(start, duration)
    assert (
        cal.working_time_between(start, deadline - timedelta(microseconds=1)) < duration
    )


@given(calendars(), moments, durations, durations)
def test_more_time_never_ends_earlier(cal, start, a, b):
    short, long_ = sorted((a, b))
    assert cal.add_working_time(start, short) <= cal.add_working_time(start, long_)


@given(calendars(with_holidays=False), holiday_ranges(), moments, durations)
def test_holidays_are_never_counted(plain, holidays, start, duration):
    cal = WorkingCalendar(plain.attendances, tz=plain.tz, holidays=holidays)
    for h_start, h_end in holidays:
        assert cal.working_time_between(h_start, h_end) == timedelta(0)
    deadline = cal.add_working_time(start, duration)
    # the same span on the calendar without holidays holds exactly the
    # requested working time plus the working time the holidays took away
    span_start = start.replace(tzinfo=timezone.utc)
    span_end = deadline.replace(tzinfo=timezone.utc)
    lost = timedelta(0)
    for h_start, h_end in cal.holidays:  # merged, so nothing is counted twice
        clipped_start, clipped_end = max(h_start, span_start), min(h_end, span_end)
        if clipped_end > clipped_start:
            lost += plain.working_time_between(clipped_start, clipped_end)
    assert plain.working_time_between(start, deadline) - duration == lost
    assert deadline >= plain.add_working_time(start, duration)


@given(moments, st.integers(0, 40), st.integers(0, 40))
def test_working_days_add_up(start, a, b):
    cal = office()
    assert cal.add_working_days(
        cal.add_working_days(start, a), b
    ) == cal.add_working_days(start, a + b)


@given(moments.filter(lambda m: office().is_working_time(m)), st.integers(1, 30))
def test_working_days_land_on_the_same_time_of_day(start, days):
    cal = office()
    end = cal.add_working_days(start, days)
    local_start = start.replace(tzinfo=timezone.utc).astimezone(SHANGHAI)
    local_end = end.replace(tzinfo=timezone.utc).astimezone(SHANGHAI)
    if local_start.time() == time(8) or local_start.time() == time(13):
        # an opening time is also the previous closing time in working time
        assert local_end.time() in (local_start.time(), time(12), time(17))
    else:
        assert local_end.time() == local_start.time()
    assert local_end.weekday() < 5
