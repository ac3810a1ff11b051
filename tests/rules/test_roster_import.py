"""Engineer roster spreadsheets: header, columns, rows
(aftersales_kpi.rules.roster_import; its cells are read by
aftersales_sop.rules.cells, tested in test_spreadsheet_cells.py)."""

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from aftersales_kpi.rules import roster_import as ri
from aftersales_sop.rules import cells, sheet

TODAY = date(2026, 9, 28)
HEADER = ri.COLUMNS.template_header()
KEYS = [c.key for c in ri.COLUMNS]


def _row(**values):
    base = {
        "employee": "Zhang Wei",
        "badge": "1001",
        "login": "zhang.wei",
        "mobile": "13600001001",
        "zone": "Shanghai",
        "level": "Senior",
        "fault_type": "Hardware",
        "skill_category": "Air Conditioners",
        "skill_level": "Senior",
        "certificate": "ASC-2025-0311",
        "certificate_category": "Appliances",
        "issued": "2025-11-30",
        "validity_months": 24,
    }
    base.update(values)
    return [base[key] for key in KEYS]


def codes(problems):
    return [(p.line, p.column, p.code) for p in problems]


# -- header --------------------------------------------------------------------------


def test_template_headers_are_recognized_in_both_languages():
    for chinese in (False, True):
        mapping, problems, ignored = ri.COLUMNS.map_header(
            ri.COLUMNS.template_header(chinese)
        )
        assert not problems and not ignored
        assert list(mapping) == KEYS
    assert ri.COLUMNS.template_header(True)[0] == "工程师"
    mapping, problems, ignored = ri.COLUMNS.map_header(
        [" ENGINEER* ", "badge_id", "Validity ( Months ):", "有效期(月)"]
    )
    assert mapping == {"employee": 0, "badge": 1, "validity_months": 2}
    assert [p.code for p in problems] == ["duplicate_columns"]


def test_unknown_columns_are_ignored_and_listed():
    check = ri.check_rows(
        [
            ["Engineer", "Favourite Colour", "Zone", "Remarks"],
            ["Zhang Wei", "blue", "", "x"],
        ],
        TODAY,
    )
    assert check.readable
    assert check.ignored_columns == ["Favourite Colour", "Remarks"]
    assert [row.employee for row in check.rows] == ["Zhang Wei"]


def test_a_file_without_the_engineer_column_imports_nothing():
    check = ri.check_rows([["Zone", "Level"], ["Shanghai", "Senior"]], TODAY)
    assert not check.readable and not check.rows
    assert [p.code for p in check.file_problems] == ["missing_columns"]
    assert check.file_problems[0].params["columns"] == ["employee"]
    assert [p.code for p in ri.check_rows([], TODAY).file_problems] == ["no_header"]
    assert [p.code for p in ri.check_rows([HEADER], TODAY).file_problems] == ["no_rows"]
    too_many = ri.check_rows([HEADER] + [_row()] * 3, TODAY, max_rows=2)
    assert [p.code for p in too_many.file_problems] == ["too_many_rows"]
    assert not too_many.rows


# -- cells and rows ------------------------------------------------------------------


def test_a_complete_row():
    check = ri.check_rows([HEADER, _row()], TODAY)
    assert not check.problems
    (row,) = check.rows
    assert row.line == 2
    assert (row.level, row.fault_type, row.skill_level) == (
        "senior",
        "hardware",
        "senior",
    )
    assert row.issued == date(2025, 11, 30)
    assert row.validity_months == 24
    assert row.has_skill and row.has_certificate


def test_chinese_words_and_an_engineer_without_skill_or_certificate():
    check = ri.check_rows(
        [
            ri.COLUMNS.template_header(True),
            _row(
                level="高级",
                fault_type="外观",
                skill_level="初级",
                issued="2025年11月30日",
            ),
            _row(
                employee="Liu Yang",
                badge=None,
                **dict.fromkeys(ri.SKILL_KEYS + ri.CERTIFICATE_KEYS),
                certificate=None,
            ),
        ],
        TODAY,
    )
    assert not check.problems
    first, second = check.rows
    assert (first.level, first.fault_type, first.skill_level) == (
        "senior",
        "appearance",
        "junior",
    )
    assert not second.has_skill and not second.has_certificate


def test_every_bad_row_is_named_with_its_line_and_column():
    check = ri.check_rows(
        [
            HEADER,
            _row(employee=None),
            _row(badge="2", level="Expert"),
            _row(badge="3", certificate="C-3", issued="01/02/2025"),
            _row(badge="4", certificate="C-4", issued=date(2026, 10, 1)),
            _row(badge="5", certificate=None, issued=None, validity_months=None),
            _row(badge="6", certificate="C-6", issued=None),
            _row(badge="7", certificate="C-7", validity_months=0),
            _row(badge="8", certificate="C-8", fault_type=cells.CellError("#REF!")),
            [None] * len(KEYS),  # blank rows are skipped
            _row(badge="10", certificate="C-10", issued=date(1970, 1, 1)),
            _row(badge="E-11", certificate="C-11"),
        ],
        TODAY,
    )
    assert codes(check.problems) == [
        (2, "employee", "required"),
        (3, "level", "unknown_choice"),
        (4, "issued", "ambiguous_date"),
        (5, "issued", "future_date"),
        (6, "certificate", "certificate_required"),
        (7, "issued", "issued_required"),
        (8, "validity_months", "bad_number"),
        (9, "fault_type", "error_value"),
        (11, "issued", "too_old"),
        (12, "badge", "bad_badge"),
    ]
    assert check.row_count == 10
    assert not check.rows
    assert check.problems[1].params["allowed"] == ["Senior", "Junior"]


def test_rows_of_one_engineer_must_agree():
    check = ri.check_rows(
        [
            HEADER,
            _row(),
            # a second skill of Zhang Wei: his own columns may stay empty
            _row(
                employee="zhang wei",
                login=None,
                mobile=None,
                zone=None,
                level=None,
                fault_type="Software",
                certificate=None,
                certificate_category=None,
                issued=None,
                validity_months=None,
            ),
            _row(zone="Suzhou", fault_type="Appearance", certificate="C-2"),
            _row(fault_type="Hardware", certificate="C-3"),  # the skill of line 2
            _row(
                badge="2",
                employee="Liu Yang",
                fault_type=None,
                certificate="asc-2025-0311",
            ),
            _row(badge="1001", employee="Zhang", fault_type=None, certificate="9"),
        ],
        TODAY,
    )
    assert codes(check.problems) == [
        (4, "zone", "conflict"),
        (5, "fault_type", "duplicate_skill"),
        (6, "certificate", "duplicate_certificate"),
        (7, "badge", "duplicate_badge"),
    ]
    assert check.problems[0].params == {
        "value": "Suzhou",
        "other": "Shanghai",
        "first_line": 2,
    }
    assert [row.line for row in check.rows] == [2, 3]


# -- properties ----------------------------------------------------------------------

days = st.dates(min_value=ri.EARLIEST_ISSUE, max_value=TODAY)


FORMS = ["iso", "slash", "dot", "chinese", "compact", "cell", "serial", "year last"]
WIDE = str.maketrans("0123456789/-.", "０１２３４５６７８９／－．")


@given(days, st.sampled_from(FORMS), st.booleans(), st.booleans())
def test_the_issue_date_is_read_in_every_form_staff_write(day, form, wide, hao):
    """As the registration import reads a purchase date: 30/11/2025, full-width
    digits and 号 dates included (the roster once refused them)."""
    value = {
        "iso": day.isoformat(),
        "slash": f"{day.year}/{day.month}/{day.day}",
        "dot": f"{day.year}.{day.month:02d}.{day.day:02d}",
        "chinese": f"{day.year}年{day.month}月{day.day}{'号' if hao else '日'}",
        "compact": day.strftime("%Y%m%d"),
        "cell": datetime.combine(day, datetime.min.time()),
        "serial": float((day - date(1899, 12, 30)).days),
        "year last": f"{day.day:02d}/{day.month:02d}/{day.year}",
    }[form]
    if wide and isinstance(value, str):
        value = value.translate(WIDE)
    check = ri.check_rows([HEADER, _row(issued=value)], TODAY)
    if form == "year last" and day.day <= 12 and day.day != day.month:
        assert [p.code for p in check.problems] == ["ambiguous_date"]
    else:
        assert not check.problems, check.problems
        assert check.rows[0].issued == day


@given(st.permutations(KEYS), st.lists(st.text(min_size=1, max_size=8), max_size=3))
def test_any_column_order_and_extra_columns_read_the_same_row(order, extras):
    known = sheet.aliases(ri.COLUMNS)
    extras = [e for e in extras if cells.normalize_label(e) not in known]
    labels = dict(zip(KEYS, HEADER, strict=True))
    values = dict(zip(KEYS, _row(), strict=True))
    header = [labels[k] for k in order] + extras
    row = [values[k] for k in order] + ["junk"] * len(extras)
    check = ri.check_rows([header, row], TODAY)
    assert not check.problems and not check.file_problems
    listed = [cells.shorten(e) for e in extras if cells.normalize_label(e)]
    assert check.ignored_columns == listed
    reference = ri.check_rows([HEADER, _row()], TODAY).rows[0]
    assert check.rows[0] == reference


cell_values = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.builds(cells.CellError, st.sampled_from(["#REF!", "#N/A", "#DIV/0!"])),
)


@given(st.lists(st.lists(cell_values, min_size=0, max_size=len(KEYS) + 2), max_size=8))
def test_any_content_gives_rows_or_named_problems_never_an_exception(body):
    check = ri.check_rows([HEADER, *body], TODAY)
    assert check.readable or [p.code for p in check.file_problems] == ["no_rows"]
    lines_with_problems = {p.line for p in check.problems}
    good_lines = {row.line for row in check.rows}
    assert not lines_with_problems & good_lines
    non_blank = {
        line
        for line, row in enumerate(body, start=2)
        if not all(cells.is_blank(c) for c in row)
    }
    # every non-blank line is either imported or named with a reason
    assert good_lines | lines_with_problems == non_blank
    for problem in check.problems:
        assert problem.column in ri.COLUMNS.by_key
    for row in check.rows:
        assert row.employee
        if row.issued:
            assert ri.EARLIEST_ISSUE <= row.issued <= TODAY
