"""The registration import and the roster import read the same cells the same
way: one cell reader (aftersales_sop.rules.cells) for both.

The same cell goes into a date column of each (the purchase date, the day a
certification was issued) and into a text column of each (the customer, the
service zone, both at most 128 characters); both imports give the same value
or the same problem (code and parameters). Only what each import asks of
its own columns differs: a blank purchase date is required, a blank issue date
is not, so blank cells are left out here.
"""

from datetime import date, datetime, time

from hypothesis import example, given
from hypothesis import strategies as st

from aftersales_kpi.rules import call_log
from aftersales_kpi.rules import roster_import as roster
from aftersales_sop.rules import cells
from aftersales_sop.tools.spreadsheet import EXCEL_ERRORS
from aftersales_warranty.rules import registration_import as registration

TODAY = date(2026, 11, 23)
WIDE = str.maketrans("0123456789/-.", "０１２３４５６７８９／－．")


def _registration(column, value):
    """``(value, problems)`` of ``value`` in ``column`` of a registration row."""
    values = {
        "customer": "Zhou Min",
        "phone": "13800138000",
        "product": "AC-3500",
        "serial": None,
        "purchase_date": "2025-11-30",
        "invoice": None,
        "channel": None,
        column: value,
    }
    row = [values[c.key] for c in registration.COLUMNS]
    check = registration.check_rows(
        [registration.COLUMNS.template_header(), row], TODAY
    )
    return _outcome(check, column)


def _roster(column, value):
    values = dict.fromkeys(c.key for c in roster.COLUMNS)
    values["employee"] = "Zhang Wei"
    if column == "issued":
        values["certificate"] = "C-1"
    values[column] = value
    row = [values[c.key] for c in roster.COLUMNS]
    check = roster.check_rows([roster.COLUMNS.template_header(), row], TODAY)
    return _outcome(check, column)


#: the moment the call log is checked: its calls started before it
NOW = datetime(2026, 11, 23, 12, 0)


def _e164(number):
    """A stand-in for the Odoo layer's phone reader."""
    return "+86" + "".join(char for char in number if char.isdigit())[-11:]


def _call_log(column, value):
    values = {
        "caller": "13700000001",
        "start": "2026-10-03 09:00:00",
        "answered": None,
        "agent": None,
        "duration": None,
        column: value,
    }
    row = [values[c.key] for c in call_log.COLUMNS]
    check = call_log.check_rows(
        [call_log.COLUMNS.template_header(), row], phone=_e164, now=NOW
    )
    return _outcome(check, column)


def _outcome(check, column):
    assert check.readable
    problems = [(p.code, p.params) for p in check.problems if p.column == column]
    assert len(problems) == len(check.problems), check.problems
    value = getattr(check.rows[0], column) if check.rows else None
    return value, problems


def _days(day):
    yield day.isoformat()
    yield f"{day.year}/{day.month}/{day.day}"
    yield f"{day.year}.{day.month:02d}.{day.day:02d}"
    yield f"{day.year}年{day.month}月{day.day}日"
    yield f"{day.year}年{day.month}月{day.day}号"
    yield f"{day.day:02d}/{day.month:02d}/{day.year}"
    yield f"{day.month:02d}/{day.day:02d}/{day.year}"
    yield f"{day.year % 100:02d}/{day.month:02d}/{day.day:02d}"
    yield day.strftime("%Y%m%d")
    yield day.isoformat().translate(WIDE)
    yield f"{day.day:02d}/{day.month:02d}/{day.year}".translate(WIDE)
    yield datetime.combine(day, time(9, 30))
    yield day
    yield cells.date_to_excel_serial(day)
    yield float(cells.date_to_excel_serial(day)) + 0.5


CELLS = st.one_of(
    st.text(min_size=1, max_size=80).filter(lambda text: not cells.is_blank(text)),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.builds(cells.CellError, st.sampled_from(sorted(EXCEL_ERRORS))),
    st.dates(min_value=date(1975, 1, 1), max_value=date(2030, 12, 31)).flatmap(
        lambda day: st.sampled_from(list(_days(day)))
    ),
)


@given(CELLS)
@example("30/11/2025")
@example("２０２５／１１／３０")
@example("2025年11月30号")
@example("01/02/2025")
@example(1e16)
@example(10**16)
@example(cells.CellError("#REF!"))
def test_a_date_cell_reads_the_same_in_both_imports(value):
    assert _registration("purchase_date", value) == _roster("issued", value)


@given(CELLS)
@example(1e16)
@example(13800138000.0)
@example("x" * 129)
@example(True)
def test_a_text_cell_reads_the_same_in_both_imports(value):
    assert _registration("customer", value) == _roster("zone", value)


def test_what_the_roster_once_read_otherwise():
    """The roster used to refuse these dates and to turn 1e16 into a text."""
    for text in ("30/11/2025", "２０２５-１１-３０", "2025年11月30号"):
        assert _roster("issued", text) == (date(2025, 11, 30), [])
    value, problems = _roster("zone", 1e16)
    assert value is None
    assert problems == [("number_too_large", {"value": "1e+16"})]


@given(CELLS)
@example(1e16)
@example(13800138000.0)
@example("x" * 65)
@example(True)
@example(cells.CellError("#N/A"))
def test_a_text_cell_reads_the_same_in_the_call_log(value):
    """The call log's agent and the registration's invoice number (both at
    most 64 characters): the same value or the same problem."""
    assert _call_log("agent", value) == _registration("invoice", value)


DAYS = st.one_of(
    st.dates(min_value=date(2017, 1, 1), max_value=date(2026, 11, 22)).flatmap(
        lambda day: st.sampled_from(list(_days(day)))
    ),
    st.builds(cells.CellError, st.sampled_from(sorted(EXCEL_ERRORS))),
    st.sampled_from(["01/02/2025", "25/11/30", "2025-02-30", "yesterday", 1e16]),
)


@given(DAYS)
@example("30/11/2025")
@example("２０２５／１１／３０")
@example("2025年11月30号")
def test_a_day_reads_the_same_as_the_call_logs_moment(value):
    """A call's start written as a day is that day's midnight (its time when
    the cell has one): the day the registration import reads, and the same
    problem when the day is ambiguous or the cell an error; what is no day is
    no moment either."""
    day, day_problems = _registration("purchase_date", value)
    moment, moment_problems = _call_log("start", value)
    if day is not None:
        assert moment.date() == day
        assert not moment_problems
    elif day_problems[0][0] in ("ambiguous_date", "error_value"):
        assert moment_problems == day_problems
    else:
        assert [code for code, _params in day_problems] == ["bad_date"]
        assert [code for code, _params in moment_problems] == ["bad_datetime"]
