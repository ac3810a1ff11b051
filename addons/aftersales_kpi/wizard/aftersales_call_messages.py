# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sentences of the call log import's problems, in the user's language."""


def column_label(env, key):
    labels = {
        "caller": env._("Caller Number"),
        "start": env._("Call Start"),
        "answered": env._("Answered At"),
        "agent": env._("Agent"),
        "duration": env._("Duration"),
    }
    return labels.get(key, key or "")


def _file_messages(env, p):
    return {
        "missing_columns": lambda: env._(
            "The header (line 1) lacks the column(s) %(columns)s: the call log "
            "needs the caller's number, the call's start and when it was "
            "answered.",
            columns=", ".join(column_label(env, c) for c in p["columns"]),
        ),
        "duplicate_columns": lambda: env._(
            "The header (line 1) has the same column twice: %(columns)s.",
            columns=", ".join(p["columns"]),
        ),
        "no_header": lambda: env._(
            "The first row of the file must be the header of the call log."
        ),
        "no_rows": lambda: env._("The file has a header but no call."),
        "too_many_rows": lambda: env._(
            "The file has more than %(max)s calls: split it.", max=p["max"]
        ),
        "empty_file": lambda: env._("The file is empty."),
        "not_excel": lambda: env._(
            "This is not a call log export: save it as .csv, .xlsx or .xls and "
            "try again."
        ),
        "no_sheet": lambda: env._("The file has no worksheet."),
        "unreadable": lambda: env._(
            "The file cannot be read: it is damaged, protected by a password, or "
            "not a spreadsheet or a CSV text (%(detail)s).",
            detail=p.get("detail") or p.get("kind") or "-",
        ),
        "too_big": lambda: env._(
            "The file is too big (%(size)s bytes, at most %(max)s).",
            size=p["size"],
            max=p["max"],
        ),
    }


def _row_messages(env, p):
    return {
        "required": lambda: env._("This column must not be empty."),
        "error_value": lambda: env._(
            "The cell holds the error %(value)s: correct the formula or type the "
            "value.",
            value=p["value"],
        ),
        "not_text": lambda: env._(
            "Expected a text, found %(value)s.", value=p["value"]
        ),
        "too_long": lambda: env._(
            "The text is too long (%(length)s characters, at most %(max)s).",
            length=p["length"],
            max=p["max"],
        ),
        "bad_phone": lambda: env._(
            "%(value)s is not a phone number.", value=p["value"]
        ),
        "bad_datetime": lambda: env._(
            "%(value)s is not a date and time: write it with the year first, "
            "such as 2026-10-03 09:00:05.",
            value=p["value"],
        ),
        "bad_duration": lambda: env._(
            "%(value)s is not a duration: seconds, or minutes:seconds.",
            value=p["value"],
        ),
        "start_out_of_range": lambda: env._(
            "The call cannot have started on %(value)s (in the future, or more "
            "than ten years ago).",
            value=p["value"],
        ),
        "answered_before_start": lambda: env._(
            "The call was answered (%(answered)s) before it started (%(start)s).",
            answered=p["answered"],
            start=p["start"],
        ),
        "answer_too_late": lambda: env._(
            "The call cannot have been answered a day after it started (%(value)s).",
            value=p["value"],
        ),
        "duplicate_call": lambda: env._(
            "The same call (caller and start) is on line %(first)s already.",
            first=p["first"],
        ),
    }


def problem_message(env, problem):
    """The sentence of a :class:`~..rules.call_log.Problem`."""
    params = problem.params
    messages = {**_file_messages(env, params), **_row_messages(env, params)}
    message = messages.get(problem.code)
    return message() if message else problem.code
