"""Registration spreadsheets: header, columns, rows
(aftersales_warranty.rules.registration_import; its cells are read by
aftersales_sop.rules.cells, tested in test_spreadsheet_cells.py)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import cells, sheet
from aftersales_sop.tools import spreadsheet
from aftersales_warranty.rules import registration_import as ri

TODAY = date(2026, 11, 23)
HEADER = ri.COLUMNS.template_header()


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
        mapping, problems, ignored = ri.COLUMNS.map_header(
            ri.COLUMNS.template_header(chinese)
        )
        assert not problems and not ignored
        assert list(mapping) == [c.key for c in ri.COLUMNS]
    assert ri.COLUMNS.template_header(True)[0] == "客户"
    # case, spaces, underscores, required-marks and colons do not matter
    mapping, problems, _ignored = ri.COLUMNS.map_header(
        ["  CUSTOMER* ", "contact_phone", "Product Code:", "sn", "purchase   date"]
    )
    assert not problems and mapping["purchase_date"] == 4


def test_wrong_headers():
    _mapping, problems, ignored = ri.COLUMNS.map_header(["Customer", "Phone", "Colour"])
    assert [p.code for p in problems] == ["missing_columns"]
    assert problems[0].params["columns"] == ["product", "serial", "purchase_date"]
    assert ignored == ["Colour"]
    _mapping, problems, _ignored = ri.COLUMNS.map_header(HEADER + ["客户"])
    assert [p.code for p in problems] == ["duplicate_columns"]


def test_columns_of_real_files_are_ignored_and_listed():
    header = ["备注", *ri.COLUMNS.template_header(True), "地址", "门店"]
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


def test_channels_by_key_or_name_in_either_language():
    columns = {"channel": 6}
    for text, key in (
        ("Online Shop", "online"),
        ("电商平台", "online"),
        ("distributor", "distributor"),
        (None, None),
    ):
        values, problems = sheet.read_cells(
            2, [None] * 6 + [text], columns, [ri.COLUMNS.by_key["channel"]], TODAY
        )
        assert not problems and values == {"channel": key}
    _values, problems = sheet.read_cells(
        2, [None] * 6 + ["Flea market"], columns, [ri.COLUMNS.by_key["channel"]], TODAY
    )
    assert problems[0].code == "unknown_choice"
    assert "Retail Store" in problems[0].params["allowed"]


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
        _row(serial="AC35-0005", purchase_date=cells.CellError("#REF!"), channel="?"),
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
        (7, "channel", "unknown_choice"),
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
    st.builds(cells.CellError, st.sampled_from(sorted(spreadsheet.EXCEL_ERRORS))),
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
        non_blank = sum(1 for r in rows[1:] if not all(cells.is_blank(c) for c in r))
        assert len(result.rows) + len(reported) == non_blank == result.row_count


LABELS = st.text(min_size=1, max_size=12).filter(
    lambda label: (
        cells.normalize_label(label)
        and cells.normalize_label(label) not in sheet.aliases(ri.COLUMNS)
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
        cells.shorten(label) for _position, label in extra
    )
    assert result.rows == expected.rows
    assert codes(result.warnings) == codes(expected.warnings)
