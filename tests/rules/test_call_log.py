"""The hotline's call log (aftersales_kpi.rules.call_log): reading the columns
the telephony provider exports, checking every row, matching each answered
call to the request created from it."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aftersales_kpi.rules import call_log, call_matching
from aftersales_sop.rules import cells, sheet
from aftersales_sop.rules.cells import CellError, CellProblem
from aftersales_sop.tools import spreadsheet

NOW = datetime(2026, 10, 5, 10, 0)
HEADER = ["Caller Number", "Call Start", "Answered At", "Agent", "Duration"]


def e164(number):
    """A stand-in for the Odoo layer's reader: Chinese mobile numbers."""
    digits = "".join(char for char in number if char.isdigit())
    digits = digits[2:] if number.strip().startswith("+86") else digits
    if len(digits) != 11 or not digits.startswith("1"):
        raise CellProblem("bad_phone", value=number)
    return "+86" + digits


def _check(rows, header=HEADER):
    return call_log.check_rows([header, *rows], phone=e164, now=NOW)


def test_columns_are_found_by_their_header_in_english_or_chinese():
    header = call_log.map_header(
        ["时长", "主叫号码", "Queue", "接听时间", "呼入时间", "坐席"]
    )
    assert not header.problems
    assert header.mapping == {
        "duration": 0,
        "caller": 1,
        "answered": 3,
        "start": 4,
        "agent": 5,
    }
    assert header.ignored == ["Queue"]
    assert call_log.template_header() == HEADER
    assert call_log.template_header(chinese=True)[0] == "主叫号码"
    # the required columns, each once
    problems = call_log.map_header(["Caller", "Caller ID"]).problems
    assert {p.code for p in problems} == {"missing_columns", "duplicate_columns"}
    missing = next(p for p in problems if p.code == "missing_columns")
    assert missing.params["columns"] == ["start", "answered"]


def test_an_answered_call_and_an_unanswered_one():
    check = _check(
        [
            ["137 0000 0001", "2026-10-03 09:00:00", "2026-10-03 09:00:12", "zhao", 95],
            ["+86 137 0000 0002", datetime(2026, 10, 3, 9, 5), None, None, None],
        ]
    )
    assert not check.problems and not check.file_problems
    answered, missed = check.rows
    assert (answered.line, answered.caller, answered.answer_seconds) == (
        2,
        "+8613700000001",
        12,
    )
    assert answered.agent == "zhao"
    assert answered.end == datetime(2026, 10, 3, 9, 1, 47)
    assert (missed.caller, missed.answered, missed.answer_seconds) == (
        "+8613700000002",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        (["abc", "2026-10-03 09:00", None], "bad_phone", "caller"),
        (["13700000001", "2026-13-03 09:00", None], "bad_datetime", "start"),
        (["13700000001", "03/10/2026", None], "ambiguous_date", "start"),
        (["13700000001", None, None], "required", "start"),
        (
            ["13700000001", "2026-10-03 09:00", "2026-10-03 08:59"],
            "answered_before_start",
            "answered",
        ),
        (["13700000001", "2027-01-01 09:00", None], "start_out_of_range", "start"),
        (["13700000001", CellError("#REF!"), None], "error_value", "start"),
        (["13700000001", "2026-10-03 09:00", None, None, "long"], "bad_duration", None),
    ],
)
def test_a_bad_row_is_named_with_its_line_and_column(row, code, column):
    check = _check([["13700000001", "2026-10-03 08:00:00", None], row])
    assert [(p.code, p.line) for p in check.problems] == [(code, 3)]
    if column:
        assert check.problems[0].column == column
    assert len(check.rows) == 1  # the good row stays


def test_the_same_call_twice_is_reported_and_blank_rows_skipped():
    row = ["13700000001", "2026-10-03 09:00:00", "2026-10-03 09:00:05"]
    check = _check([row, [None, None, None], row])
    assert check.row_count == 2
    assert [(p.code, p.line, p.params) for p in check.problems] == [
        ("duplicate_call", 4, {"first": 2})
    ]


def test_a_file_without_header_or_rows_imports_nothing():
    assert _check([], header=[None, ""]).file_problems[0].code == "no_header"
    assert _check([]).file_problems[0].code == "no_rows"
    check = call_log.check_rows(
        [HEADER, *[["13700000001", NOW, None]] * 3], max_rows=2, phone=e164, now=NOW
    )
    assert check.file_problems[0].code == "too_many_rows"


@pytest.mark.parametrize(
    "value",
    [
        "2026-10-03 09:00:05",
        "2026/10/3 9:00:05",
        "2026.10.03 09:00:05",
        "2026年10月3日 09:00:05",
        "2026-10-03T09:00:05",
        datetime(2026, 10, 3, 9, 0, 5, 400),
        46298.37505787037,
        "２０２６－１０－０３　０９：００：０５",
        "2026年10月3号09:00:05",
    ],
)
def test_moments_in_the_forms_telephony_systems_write_them(value):
    assert cells.datetime_value(value) == datetime(2026, 10, 3, 9, 0, 5)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(95, 95), ("95", 95), ("1:35", 95), ("00:01:35", 95), (time(0, 1, 35), 95)],
)
def test_durations(value, seconds):
    assert cells.duration_value(value) == seconds


@pytest.mark.parametrize("value", [-1, "1 min", 90000, True, float("nan")])
def test_bad_durations(value):
    with pytest.raises(CellProblem):
        cells.duration_value(value)


def _csv(data):
    rows, datemode = spreadsheet.read_sheet(data, csv_text=True)
    assert datemode == 0
    return list(rows)


def test_csv_exports_in_utf8_or_gb18030_with_any_separator():
    """The suite's file reader reads a CSV text for the imports that take one
    (the call log); the Excel-only imports still refuse it."""
    text = "主叫号码;呼入时间;接听时间\n13700000001;2026-10-03 09:00:00;\n"
    for encoding in ("utf-8-sig", "utf-8", "gb18030"):
        rows = _csv(text.encode(encoding))
        assert rows[0] == ("主叫号码", "呼入时间", "接听时间")
        assert rows[1] == ("13700000001", "2026-10-03 09:00:00", None)
    rows = _csv(b"Caller\tCall Start\tAnswered At\n1\t2\t3\n")
    assert rows[1] == ("1", "2", "3")
    cases = [
        (b"\x00\x01binary", "not_spreadsheet"),
        (b"no separator here\n", "not_spreadsheet"),
        (b"\xff\xfe\xfa\xfb,x", "unreadable"),
    ]
    for data, code in cases:
        with pytest.raises(spreadsheet.SpreadsheetError) as error:
            _csv(data)
        assert error.value.code == code
    with pytest.raises(spreadsheet.SpreadsheetError) as error:
        spreadsheet.read_sheet(text.encode())
    assert error.value.code == "not_excel"


def test_a_gb18030_csv_log_is_checked_like_a_spreadsheet():
    text = "主叫号码,呼入时间,接听时间,坐席,通话时长\n"
    text += "137 0000 0001,2026-10-03 09:00:00,2026-10-03 09:00:12,赵,1:35\n"
    rows, datemode = spreadsheet.read_sheet(text.encode("gb18030"), csv_text=True)
    check = call_log.check_rows(rows, None, datemode, phone=e164, now=NOW)
    assert not check.problems and not check.file_problems
    (call,) = check.rows
    assert (call.caller, call.agent, call.duration, call.answer_seconds) == (
        "+8613700000001",
        "赵",
        95,
        12,
    )


# -- matching -------------------------------------------------------------------


def _request(id_, phone, minutes, agents=("zhao",)):
    return call_matching.Request(
        id_,
        phone,
        datetime(2026, 10, 3, 9, 0) + timedelta(minutes=minutes),
        frozenset(agents),
    )


def _call(key, phone, minutes, agent="zhao", length=3):
    start = datetime(2026, 10, 3, 9, 0) + timedelta(minutes=minutes)
    return (key, phone, start, start + timedelta(minutes=length), agent)


WINDOW = timedelta(minutes=30)


def test_each_answered_call_finds_the_request_created_from_it():
    calls = [_call("a", "+1", 0), _call("b", "+2", 0), _call("c", "+1", 60)]
    requests = [
        _request(10, "+1", 2),  # during the first call
        _request(11, "+2", 50),  # too late after the call
        _request(12, "+1", 61, agents=("qian",)),  # another agent's
        _request(13, "+1", 62),
    ]
    assert call_matching.match_calls(calls, requests, WINDOW) == {"a": 10, "c": 13}
    # a call whose agent is unknown matches on the phone and the time only
    calls = [_call("c", "+1", 60, agent=None)]
    assert call_matching.match_calls(calls, requests, WINDOW) == {"c": 12}


def test_a_request_answers_one_call_the_closest_in_time():
    calls = [_call("a", "+1", 0), _call("b", "+1", 10)]
    requests = [_request(10, "+1", 11), _request(11, "+1", 1)]
    assert call_matching.match_calls(calls, requests, WINDOW) == {"a": 11, "b": 10}
    # one request for two calls: the first call takes it
    only = [_request(10, "+1", 11)]
    assert call_matching.match_calls(calls, only, WINDOW) == {"a": 10}


moments = st.integers(min_value=0, max_value=600)


@given(
    st.lists(st.tuples(st.sampled_from(["+1", "+2", "+3"]), moments), max_size=15),
    st.lists(st.tuples(st.sampled_from(["+1", "+2", "+3"]), moments), max_size=15),
)
def test_matches_are_one_to_one_same_phone_within_the_window(calls, requests):
    calls = [_call(i, phone, m) for i, (phone, m) in enumerate(calls)]
    requests = [_request(100 + i, phone, m) for i, (phone, m) in enumerate(requests)]
    matched = call_matching.match_calls(calls, requests, WINDOW)
    assert len(set(matched.values())) == len(matched)
    by_id = {r.id: r for r in requests}
    for key, request_id in matched.items():
        _key, phone, start, end, _agent = calls[key]
        request = by_id[request_id]
        assert request.phone == phone
        assert start - call_matching.CLOCK_SKEW <= request.received <= end + WINDOW


def test_excel_serials_follow_the_workbook_date_system():
    assert cells.datetime_value(1.5, datemode=1) == datetime(1904, 1, 2, 12, 0)
    with pytest.raises(CellProblem):
        cells.datetime_value(True)
    assert cells.datetime_value(None) is None
    assert date(2026, 10, 3) == cells.datetime_value("2026-10-03").date()


def test_checked_calls_kept_by_a_background_job_read_back_the_same():
    """A background import keeps the checked rows as JSON between its steps:
    the calls come back with their moments to the second."""
    check = _check(
        [
            ["13700000001", "2026-10-03 09:00:00", "2026-10-03 09:00:12", "zhao", 95],
            ["13700000002", "2026-10-03 09:05:07", None, None, None],
        ]
    )
    kept = sheet.JsonRows(
        sheet.rows_to_json(check.rows), call_log.Row, call_log.COLUMNS
    )
    assert list(kept) == check.rows
    assert kept[0].answer_seconds == 12
