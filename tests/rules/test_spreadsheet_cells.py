"""The suite's one cell reader and header layer, which every spreadsheet
import reads with (aftersales_sop.rules.cells, aftersales_sop.rules.sheet)."""

import math
from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import cells, sheet

TODAY = date(2026, 11, 23)


def test_numbers_read_as_text_are_written_without_decimals():
    assert cells.text_value(13800138000.0) == "13800138000"
    assert cells.text_value(42) == "42"
    assert cells.text_value(1.5) == "1.5"
    assert cells.text_value("  A  B ") == "A B"
    for bad, code in [
        (1e20, "number_too_large"),
        (float("inf"), "not_text"),
        (True, "not_text"),
        (cells.CellError("#DIV/0!"), "error_value"),
        ("x" * 200, "too_long"),
    ]:
        with pytest.raises(cells.CellProblem) as error:
            cells.text_value(bad)
        assert error.value.code == code


def test_dates_as_cells_serials_and_text():
    assert cells.date_value(datetime(2025, 11, 30, 14, 5)) == date(2025, 11, 30)
    assert cells.date_value(date(2025, 11, 30)) == date(2025, 11, 30)
    assert cells.date_value(45991) == date(2025, 11, 30)
    assert cells.date_value(45991.75) == date(2025, 11, 30)
    assert cells.date_value(44529, datemode=1) == date(2025, 11, 30)
    for text in (
        "2025-11-30",
        "2025/11/30",
        "2025.11.30",
        "2025-11-30 00:00:00",
        "2025-11-30T08:15:00+08:00",
        "2025年11月30日",
        "2025 年 11 月 30 日",
        "2025年11月30号",
        "2025年11月30日 14:05",
        "２０２５／１１／３０",
        "20251130",
        "30/11/2025",  # only one reading is a day
        "11/30/2025",
        "30.11.2025",
    ):
        assert cells.date_value(text) == date(2025, 11, 30), text
    assert cells.date_value("2025/1/5") == date(2025, 1, 5)
    assert cells.date_value("05/05/2025") == date(2025, 5, 5)  # both readings agree
    for bad in ("2025-02-30", "31/31/2025", "yesterday", "2025-11", -3, 1e300, 60):
        with pytest.raises(cells.CellProblem) as error:
            cells.date_value(bad)
        assert error.value.code == "bad_date", bad
    with pytest.raises(cells.CellProblem) as error:
        cells.date_value(True)
    assert error.value.code == "bad_date"
    assert cells.date_value(None) is None


@pytest.mark.parametrize(
    "text, readings",
    [
        ("01/02/2025", ["2025-02-01", "2025-01-02"]),
        ("25/11/30", ["2025-11-30", "2030-11-25"]),
        ("25年11月30日", ["2025-11-30", "2030-11-25"]),
        ("30.11.25", ["2030-11-25", "2025-11-30"]),
    ],
)
def test_ambiguous_dates_are_refused_with_their_readings(text, readings):
    with pytest.raises(cells.CellProblem) as error:
        cells.date_value(text)
    assert error.value.code == "ambiguous_date"
    assert error.value.params["readings"] == readings


FULL_WIDTH = str.maketrans("0123456789/-.", "０１２３４５６７８９／－．")


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["-", "/", ".", "cn"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", " 10:30", " 00:00:00"]),
)
def test_every_year_first_form_of_a_day_is_read(day, separator, padded, wide, time_):
    """2025-11-30, 2025/1/5, 2025.11.30, 2025年11月30日, full-width or not."""
    month, dom = (
        (f"{day.month:02d}", f"{day.day:02d}") if padded else (day.month, day.day)
    )
    if separator == "cn":
        text = f"{day.year:04d}年{month}月{dom}日"
    else:
        text = separator.join((f"{day.year:04d}", str(month), str(dom)))
    if wide:
        text = text.translate(FULL_WIDTH)
    assert cells.date_value(text + time_) == day
    assert cells.date_value(f"{day.year:04d}{day.month:02d}{day.day:02d}") == day


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["/", ".", "-"]),
)
def test_year_last_is_read_only_when_it_is_one_day(day, separator):
    """30/11/2025 and 11/30/2025 are 30 November; 01/02/2025 is refused."""
    for first, second in ((day.day, day.month), (day.month, day.day)):
        text = separator.join((f"{first:02d}", f"{second:02d}", f"{day.year:04d}"))
        if day.day > 12 or day.day == day.month:
            assert cells.date_value(text) == day
        else:
            with pytest.raises(cells.CellProblem) as error:
                cells.date_value(text)
            assert error.value.code == "ambiguous_date"
            assert day.isoformat() in error.value.params["readings"]
            assert len(error.value.params["readings"]) == 2


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["/", ".", "-", "cn"]),
)
def test_a_two_digit_year_is_never_guessed(day, separator):
    parts = (f"{day.year % 100:02d}", f"{day.month:02d}", f"{day.day:02d}")
    if separator == "cn":
        text = "{}年{}月{}日".format(*parts)
    else:
        text = separator.join(parts)
    with pytest.raises(cells.CellProblem) as error:
        cells.date_value(text)
    assert error.value.code == "ambiguous_date"
    assert day.isoformat() in error.value.params["readings"]


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_excel_serials_round_trip(day):
    assert cells.excel_serial_to_date(cells.date_to_excel_serial(day)) == day


@given(st.dates(min_value=date(1904, 1, 1), max_value=date(9999, 12, 31)))
def test_excel_1904_serials_round_trip(day):
    serial = cells.date_to_excel_serial(day, 1)
    assert cells.excel_serial_to_date(serial, 1) == day


def test_numbers_too_long_to_be_exact_are_refused_not_changed():
    """Excel keeps 15 significant digits: 1e16 is not turned into the text
    "10000000000000000", whichever import reads it."""
    for value in (1e16, 10**16, -(10**15), 12345678901234567, 1e15):
        with pytest.raises(cells.CellProblem) as error:
            cells.text_value(value)
        assert error.value.code == "number_too_large"
    assert cells.text_value(10**15 - 1) == "999999999999999"
    assert cells.text_value("12345678901234567") == "12345678901234567"


def test_nan_is_not_a_number_anyone_can_import():
    with pytest.raises(cells.CellProblem):
        cells.text_value(math.nan)


@given(st.integers(min_value=-5, max_value=200))
def test_whole_numbers(number):
    for value in (number, float(number), str(number), f" {number} "):
        if 1 <= number <= 120:
            assert cells.whole_number(value, 1, 120) == number
        else:
            with pytest.raises(cells.CellProblem) as error:
                cells.whole_number(value, 1, 120)
            assert error.value.code == "bad_number"


def test_whole_numbers_in_full_width_digits_and_what_is_no_whole_number():
    assert cells.whole_number("２４", 1, 120) == 24
    assert cells.whole_number(None, 1, 120) is None
    for bad in (True, 2.5, "2.5", "24 months", float("inf"), date(2025, 1, 1)):
        with pytest.raises(cells.CellProblem) as error:
            cells.whole_number(bad, 1, 120)
        assert error.value.code == "bad_number", bad
    with pytest.raises(cells.CellProblem) as error:
        cells.whole_number(cells.CellError("#N/A"), 1, 120)
    assert error.value.code == "error_value"


def test_choices_by_key_or_word_in_either_language():
    levels = {"senior": ("Senior", "高级"), "junior": ("Junior", "初级")}
    assert cells.choice_value("senior", levels) == "senior"
    assert cells.choice_value(" SENIOR ", levels) == "senior"
    assert cells.choice_value("初级", levels) == "junior"
    assert cells.choice_value(None, levels) is None
    with pytest.raises(cells.CellProblem) as error:
        cells.choice_value("Expert", levels)
    assert error.value.code == "unknown_choice"
    assert error.value.params == {"value": "Expert", "allowed": ["Senior", "Junior"]}


def test_dates_from_the_1904_system_and_impossible_serials():
    assert cells.date_value(0.0, datemode=1) == date(1904, 1, 1)
    assert cells.date_value(61.0) == date(1900, 3, 1)
    for bad in (60, 0, -3, float("inf"), time(12, 0)):
        with pytest.raises(cells.CellProblem) as error:
            cells.date_value(bad)
        assert error.value.code == "bad_date", bad


# -- the header layer ----------------------------------------------------------------

COLUMNS = (
    sheet.Column("name", True, ("Name", "Engineer", "姓名")),
    sheet.Column("serial", True, ("Serial Number", "序列号"), blank_allowed=True),
    sheet.Column(
        "day",
        False,
        ("Issued On", "发证日期"),
        kind="date",
        earliest=date(1980, 1, 1),
    ),
    sheet.Column(
        "level",
        False,
        ("Level", "级别"),
        kind="choice",
        choices=(("senior", ("Senior", "高级")), ("junior", ("Junior", "初级"))),
    ),
    sheet.Column(
        "months",
        False,
        ("Validity (months)", "有效期（月）"),
        kind="number",
        low=1,
        high=120,
    ),
)


def test_labels_are_compared_without_case_marks_spaces_or_bracket_width():
    assert cells.normalize_label("  Validity ( Months ):") == "validity (months)"
    assert cells.normalize_label("有效期（月）") == cells.normalize_label("有效期(月)")
    assert cells.normalize_label("contact_phone*") == "contact phone"
    assert cells.normalize_label(None) == ""


def test_the_header_map_has_one_order_mapping_problems_ignored():
    header = ["NAME*", "Colour", cells.CellError("#REF!"), "序列号", "Engineer"]
    result = sheet.map_header(header, COLUMNS)
    mapping, problems, ignored = result
    assert mapping == result.mapping == {"name": 0, "serial": 3}
    assert [p.code for p in problems] == ["duplicate_columns"]
    assert problems[0].params["columns"] == ["Engineer"]
    assert ignored == result.ignored == ["Colour", "#REF!"]
    missing = sheet.map_header(["Level"], COLUMNS).problems
    assert [(p.code, p.params["columns"]) for p in missing] == [
        ("missing_columns", ["name", "serial"])
    ]
    assert sheet.template_header(COLUMNS) == [
        "Name",
        "Serial Number",
        "Issued On",
        "Level",
        "Validity (months)",
    ]
    assert sheet.template_header(COLUMNS, chinese=True)[0] == "姓名"


def test_cells_are_read_by_the_kind_of_their_column():
    mapping = sheet.map_header(sheet.template_header(COLUMNS), COLUMNS).mapping
    values, problems = sheet.read_cells(
        2, ["Zhang", None, "2025年11月30号", "高级", "２４"], mapping, COLUMNS, TODAY
    )
    assert not problems
    assert values == {
        "name": "Zhang",
        "serial": None,
        "day": date(2025, 11, 30),
        "level": "senior",
        "months": 24,
    }
    values, problems = sheet.read_cells(
        3, [None, "S", "2027-01-01", "Expert", 0], mapping, COLUMNS, TODAY
    )
    assert [(p.line, p.column, p.code) for p in problems] == [
        (3, "name", "required"),
        (3, "day", "future_date"),
        (3, "level", "unknown_choice"),
        (3, "months", "bad_number"),
    ]
    assert values == {"serial": "S"}
    _values, problems = sheet.read_cells(
        4, ["A", "S", "1975-05-01"], mapping, COLUMNS, TODAY
    )
    assert [(p.code, p.params) for p in problems] == [
        ("too_old", {"date": date(1975, 5, 1), "earliest": date(1980, 1, 1)})
    ]


def test_a_sheet_is_checked_row_by_row_with_its_lines():
    seen = []

    def check_row(line, values, problems):
        seen.append(line)
        return (None if problems else values), problems, []

    rows = [["Name", "Serial Number", "Remarks"], ["A", "1"], [None, " "], [None, "2"]]
    result = sheet.check_sheet(rows, COLUMNS, check_row, TODAY, max_rows=10)
    assert result.readable and result.row_count == 2 and seen == [2, 4]
    assert result.ignored_columns == ["Remarks"]
    assert [(p.line, p.code) for p in result.problems] == [(4, "required")]
    too_many = sheet.check_sheet(rows, COLUMNS, check_row, TODAY, max_rows=2)
    assert [p.code for p in too_many.file_problems] == ["too_many_rows"]
    assert not too_many.rows and not too_many.problems
    assert sheet.count_rows(rows, limit=10) == 2
    assert sheet.count_rows([rows[0]] + [["x"]] * 50, limit=3) == 4
    for empty, code in (
        ([], "no_header"),
        ([[None]], "no_header"),
        ([rows[0]], "no_rows"),
    ):
        assert [
            p.code
            for p in sheet.check_sheet(
                empty, COLUMNS, check_row, TODAY, 0, 10
            ).file_problems
        ] == [code]


def test_checked_rows_are_kept_as_json_lines_and_read_back_one_batch_at_a_time():
    """What a background import keeps between its steps (rows of both imports,
    days, empty cells, text with line breaks and Chinese)."""
    from aftersales_kpi.rules import roster_import
    from aftersales_warranty.rules import registration_import

    for module, values in (
        (
            registration_import,
            {
                "customer": "周敏\nVIP",
                "phone": "13800138000",
                "product": "AC-3500",
                "serial": None,
                "purchase_date": "2025年11月30号",
                "invoice": None,
                "channel": "电商平台",
            },
        ),
        (
            roster_import,
            {
                "employee": "Zhang",
                "certificate": "C-1",
                "issued": "30/11/2025",
                "validity_months": 24,
            },
        ),
    ):
        header = module.COLUMNS.template_header()
        row = [values.get(column.key) for column in module.COLUMNS]
        check = module.check_rows([header, row], TODAY)
        assert check.rows, check
        rows = check.rows * 3
        kept = sheet.JsonRows(sheet.rows_to_json(rows), module.Row, module.COLUMNS)
        assert len(kept) == 3
        assert kept[1] == rows[1]
        assert kept[1:3] == rows[1:3]
        assert list(kept) == rows
    assert (
        len(sheet.JsonRows("", registration_import.Row, registration_import.COLUMNS))
        == 0
    )
