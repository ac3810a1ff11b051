"""Registration spreadsheets: header, cells, rows, and the file readers.

(aftersales_warranty.rules.registration_import, aftersales_warranty.tools.spreadsheet)
"""

import io
import math
from datetime import date, datetime, time

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_warranty.rules import registration_import as ri
from aftersales_warranty.tools import spreadsheet

TODAY = date(2026, 11, 23)
HEADER = ri.template_header()


def _row(**values):
    base = {
        "customer": "Zhou Min",
        "phone": "13800138000",
        "product": "AC-3500",
        "serial": "AC35-0001",
        "purchase_date": "2025-11-30",
        "invoice": "INV-1",
        "channel": "Online Shop",
    }
    base.update(values)
    return [base[c.key] for c in ri.COLUMNS]


def codes(problems):
    return [(p.line, p.column, p.code) for p in problems]


# -- header --------------------------------------------------------------------------


def test_template_headers_are_recognized_in_both_languages():
    for chinese in (False, True):
        mapping, problems, ignored = ri.map_header(ri.template_header(chinese))
        assert not problems and not ignored
        assert list(mapping) == [c.key for c in ri.COLUMNS]
    assert ri.template_header(True)[0] == "客户"
    # case, spaces, underscores, required-marks and colons do not matter
    mapping, problems, _ignored = ri.map_header(
        ["  CUSTOMER* ", "contact_phone", "Product Code:", "sn", "purchase   date"]
    )
    assert not problems and mapping["purchase_date"] == 4


def test_wrong_headers():
    _mapping, problems, ignored = ri.map_header(["Customer", "Phone", "Colour"])
    assert [p.code for p in problems] == ["missing_columns"]
    assert problems[0].params["columns"] == ["product", "serial", "purchase_date"]
    assert ignored == ["Colour"]
    _mapping, problems, _ignored = ri.map_header(HEADER + ["客户"])
    assert [p.code for p in problems] == ["duplicate_columns"]


def test_columns_of_real_files_are_ignored_and_listed():
    header = ["备注", *ri.template_header(True), "地址", "门店"]
    rows = [header, ["VIP", *_row(), "上海市徐汇区", "徐家汇店"]]
    result = ri.check_rows(rows, TODAY)
    assert result.readable
    assert result.ignored_columns == ["备注", "地址", "门店"]
    assert [r.serial for r in result.rows] == ["AC35-0001"]


def test_a_sheet_with_a_wrong_header_has_no_row_to_import():
    result = ri.check_rows([["Name", "Phone"], _row()], TODAY)
    assert not result.readable and not result.rows and not result.problems
    assert ri.check_rows([], TODAY).file_problems[0].code == "no_header"
    assert ri.check_rows([[None, " "]], TODAY).file_problems[0].code == "no_header"
    assert ri.check_rows([HEADER, [None] * 7], TODAY).file_problems[0].code == (
        "no_rows"
    )


# -- cells ---------------------------------------------------------------------------


def test_numbers_read_as_text_are_written_without_decimals():
    assert ri.text_value(13800138000.0) == "13800138000"
    assert ri.text_value(42) == "42"
    assert ri.text_value(1.5) == "1.5"
    assert ri.text_value("  A  B ") == "A B"
    for bad, code in [
        (1e20, "number_too_large"),
        (float("inf"), "not_text"),
        (True, "not_text"),
        (ri.CellError("#DIV/0!"), "error_value"),
        ("x" * 200, "too_long"),
    ]:
        with pytest.raises(ri.CellProblem) as error:
            ri.text_value(bad)
        assert error.value.code == code


def test_dates_as_cells_serials_and_text():
    assert ri.date_value(datetime(2025, 11, 30, 14, 5)) == date(2025, 11, 30)
    assert ri.date_value(date(2025, 11, 30)) == date(2025, 11, 30)
    assert ri.date_value(45991) == date(2025, 11, 30)
    assert ri.date_value(45991.75) == date(2025, 11, 30)
    assert ri.date_value(44529, datemode=1) == date(2025, 11, 30)
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
        assert ri.date_value(text) == date(2025, 11, 30), text
    assert ri.date_value("2025/1/5") == date(2025, 1, 5)
    assert ri.date_value("05/05/2025") == date(2025, 5, 5)  # both readings agree
    for bad in ("2025-02-30", "31/31/2025", "yesterday", "2025-11", -3, 1e300, 60):
        with pytest.raises(ri.CellProblem) as error:
            ri.date_value(bad)
        assert error.value.code == "bad_date", bad
    with pytest.raises(ri.CellProblem) as error:
        ri.date_value(True)
    assert error.value.code == "bad_date"
    assert ri.date_value(None) is None


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
    with pytest.raises(ri.CellProblem) as error:
        ri.date_value(text)
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
    assert ri.date_value(text + time_) == day
    assert ri.date_value(f"{day.year:04d}{day.month:02d}{day.day:02d}") == day


@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["/", ".", "-"]),
)
def test_year_last_is_read_only_when_it_is_one_day(day, separator):
    """30/11/2025 and 11/30/2025 are 30 November; 01/02/2025 is refused."""
    for first, second in ((day.day, day.month), (day.month, day.day)):
        text = separator.join((f"{first:02d}", f"{second:02d}", f"{day.year:04d}"))
        if day.day > 12 or day.day == day.month:
            assert ri.date_value(text) == day
        else:
            with pytest.raises(ri.CellProblem) as error:
                ri.date_value(text)
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
    with pytest.raises(ri.CellProblem) as error:
        ri.date_value(text)
    assert error.value.code == "ambiguous_date"
    assert day.isoformat() in error.value.params["readings"]


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_excel_serials_round_trip(day):
    assert ri.excel_serial_to_date(ri.date_to_excel_serial(day)) == day


@given(st.dates(min_value=date(1904, 1, 1), max_value=date(9999, 12, 31)))
def test_excel_1904_serials_round_trip(day):
    serial = ri.date_to_excel_serial(day, 1)
    assert ri.excel_serial_to_date(serial, 1) == day


def test_channels():
    assert ri.channel_value("Online Shop") == "online"
    assert ri.channel_value("电商平台") == "online"
    assert ri.channel_value("distributor") == "distributor"
    assert ri.channel_value(None) is None
    with pytest.raises(ri.CellProblem) as error:
        ri.channel_value("Flea market")
    assert "Retail Store" in error.value.params["allowed"]


# -- rows ----------------------------------------------------------------------------


def test_a_row_without_invoice_number_is_imported_with_a_warning():
    rows = [HEADER, _row(), _row(serial="AC35-0002", invoice=None), _row(serial=None)]
    result = ri.check_rows(rows, TODAY)
    assert [r.line for r in result.rows] == [2, 3, 4]
    assert codes(result.warnings) == [(3, "invoice", "no_invoice")]
    assert all(w.warning for w in result.warnings)
    assert not result.problems


def test_every_bad_row_is_reported_with_its_line():
    rows = [
        HEADER,
        _row(),
        _row(serial="AC35-0002", phone=None),
        [None] * 7,  # blank lines are skipped but keep their number
        _row(serial="AC35-0003", purchase_date="2027-01-01"),
        _row(serial="ac35-0001"),  # the same serial as line 2
        _row(serial="AC35-0005", purchase_date=ri.CellError("#REF!"), channel="?"),
        _row(serial="AC35-0006", purchase_date="1975-05-01"),
    ]
    result = ri.check_rows(rows, TODAY)
    assert result.readable
    assert [r.line for r in result.rows] == [2]
    assert codes(result.problems) == [
        (3, "phone", "required"),
        (5, "purchase_date", "future_date"),
        (6, "serial", "duplicate_in_file"),
        (7, "purchase_date", "error_value"),
        (7, "channel", "unknown_channel"),
        (8, "purchase_date", "too_old"),
    ]
    assert result.problems[2].params["first_line"] == 2
    assert result.row_count == 6
    row = result.rows[0]
    assert (row.customer, row.purchase_date, row.channel) == (
        "Zhou Min",
        date(2025, 11, 30),
        "online",
    )


def test_too_many_lines_imports_nothing():
    rows = [HEADER] + [_row(serial=f"S{i}") for i in range(5)]
    result = ri.check_rows(rows, TODAY, max_rows=4)
    assert [p.code for p in result.file_problems] == ["too_many_rows"]
    assert not result.rows and not result.problems
    assert ri.check_rows(rows, TODAY, max_rows=5).readable


CELLS = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.builds(ri.CellError, st.sampled_from(sorted(spreadsheet.EXCEL_ERRORS))),
)


@given(st.lists(st.lists(CELLS, max_size=9), max_size=12), st.booleans())
def test_no_cell_content_raises(rows, with_header):
    """Whatever the cells hold, every row is either accepted or reported."""
    if with_header:
        rows = [HEADER] + rows
    result = ri.check_rows(rows, TODAY)
    reported = {p.line for p in result.problems}
    for row in result.rows:
        assert row.line not in reported
        assert row.purchase_date <= TODAY
        assert row.customer and row.phone and row.product
    # warnings are about imported rows only, one per row without an invoice
    assert [w.line for w in result.warnings] == [
        r.line for r in result.rows if not r.invoice
    ]
    assert not any(p.warning for p in result.problems)
    if not result.readable:
        assert not result.rows and not result.problems and not result.warnings
    else:
        non_blank = sum(1 for r in rows[1:] if not all(ri.is_blank(c) for c in r))
        assert len(result.rows) + len(reported) == non_blank == result.row_count


LABELS = st.text(min_size=1, max_size=12).filter(
    lambda label: (
        ri.normalize_label(label) and ri.normalize_label(label) not in ri._ALIASES
    )
)


@given(
    st.lists(st.tuples(st.integers(min_value=0, max_value=7), LABELS), max_size=4),
    st.lists(st.sampled_from(["AC35-1", "AC35-2", None]), min_size=1, max_size=5),
)
def test_unknown_columns_change_nothing_but_the_list(extra, serials):
    """Columns the import does not know are listed, and the rows read the same."""
    plain = [HEADER] + [
        _row(serial=s and f"{s}-{i}", invoice=None if i % 2 else "INV")
        for i, s in enumerate(serials)
    ]
    expected = ri.check_rows(plain, TODAY)
    wide = [list(r) for r in plain]
    for position, label in extra:
        for index, line in enumerate(wide):
            line.insert(min(position, len(line)), label if index == 0 else "x")
    result = ri.check_rows(wide, TODAY)
    assert result.readable
    assert sorted(result.ignored_columns) == sorted(
        ri.shorten(label) for _position, label in extra
    )
    assert result.rows == expected.rows
    assert codes(result.warnings) == codes(expected.warnings)


# -- file readers --------------------------------------------------------------------


def _xlsx(rows, **options):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_is_read_with_formulas_errors_and_dates():
    data = _xlsx(
        [
            HEADER,
            ["A", 13800138000, "AC-3500", "SN1", datetime(2025, 11, 30), "=1+1"],
            ["B", "#DIV/0!", "AC-3500", "SN2", 45991, None, time(12, 0)],
        ]
    )
    rows, datemode = spreadsheet.read_sheet(data)
    rows = list(rows)
    assert datemode == 0
    assert rows[1][:5] == ("A", 13800138000, "AC-3500", "SN1", datetime(2025, 11, 30))
    # a formula that was never computed by a spreadsheet program reads as empty
    assert rows[1][5] is None
    assert rows[2][1] == ri.CellError("#DIV/0!")
    result = ri.check_rows(rows, TODAY, datemode)
    assert [r.serial for r in result.rows] == ["SN1"]
    assert codes(result.problems) == [
        (3, "phone", "error_value"),
        (3, "channel", "not_text"),
    ]


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty_file"),
        (b"customer,phone\nA,1\n", "not_excel"),
        (b"%PDF-1.7 ...", "not_excel"),
        (spreadsheet.OLE2_MAGIC + b"\x00" * 600, "unreadable"),
        (spreadsheet.ZIP_MAGIC + b"garbage" * 50, "unreadable"),
    ],
)
def test_files_that_are_not_spreadsheets(data, code):
    with pytest.raises(spreadsheet.SpreadsheetError) as error:
        rows, _datemode = spreadsheet.read_sheet(data)
        list(rows)
    assert error.value.code == code


def test_a_truncated_xlsx_is_unreadable():
    data = _xlsx([HEADER, ["A", "1", "P", "S", "2025-01-01"]])
    for cut in (len(data) // 3, len(data) // 2, len(data) - 30):
        with pytest.raises(spreadsheet.SpreadsheetError) as error:
            rows, _datemode = spreadsheet.read_sheet(data[:cut])
            list(rows)
        assert error.value.code == "unreadable"


def test_too_big():
    with pytest.raises(spreadsheet.SpreadsheetError) as error:
        spreadsheet.read_sheet(b"x" * 101, max_bytes=100)
    assert error.value.code == "too_big"


@given(
    st.sampled_from([b"", spreadsheet.OLE2_MAGIC, spreadsheet.ZIP_MAGIC]),
    st.binary(max_size=2048),
)
def test_random_bytes_never_raise_anything_else(prefix, tail):
    try:
        rows, datemode = spreadsheet.read_sheet(prefix + tail)
        ri.check_rows(rows, TODAY, datemode)
    except spreadsheet.SpreadsheetError as error:
        assert error.code in {"empty_file", "not_excel", "unreadable", "no_sheet"}


@given(st.integers(min_value=0, max_value=4000), st.binary(min_size=1, max_size=64))
def test_corrupted_xlsx_never_raises_anything_else(position, noise):
    data = bytearray(_xlsx([HEADER, ["A", "13800138000", "P", "S", "2025-01-01"]]))
    position = position % len(data)
    data[position : position + len(noise)] = noise
    try:
        rows, datemode = spreadsheet.read_sheet(bytes(data))
        ri.check_rows(rows, TODAY, datemode)
    except spreadsheet.SpreadsheetError as error:
        assert error.code in {"unreadable", "no_sheet", "not_excel"}


def test_nan_is_not_a_number_anyone_can_import():
    with pytest.raises(ri.CellProblem):
        ri.text_value(math.nan)
