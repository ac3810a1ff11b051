"""The spreadsheet files every import reads and writes
(aftersales_sop.tools.spreadsheet), with the registration import's rows."""

import io
from datetime import date, datetime, time

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import cells
from aftersales_sop.tools import spreadsheet
from aftersales_warranty.rules import registration_import as ri

TODAY = date(2026, 11, 23)
HEADER = ri.COLUMNS.template_header()


def codes(problems):
    return [(p.line, p.column, p.code) for p in problems]


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
    assert rows[2][1] == cells.CellError("#DIV/0!")
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


def test_a_written_workbook_reads_back():
    data = spreadsheet.xlsx_bytes(
        [("One", [["a", "b"], [1, date(2025, 11, 30)]]), ("Two", [["c"]])], width=12
    )
    rows, datemode = spreadsheet.read_sheet(data)
    assert datemode == 0
    assert list(rows) == [("a", "b"), (1, datetime(2025, 11, 30))]
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["One", "Two"]
    assert book["One"].column_dimensions["A"].width == 12
