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
