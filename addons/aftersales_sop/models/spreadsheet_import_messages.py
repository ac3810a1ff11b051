# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every spreadsheet import tells its user about a file and its cells, in
one table.

The file reader (``tools/spreadsheet.py``), the cell reader and the header
layer (``rules/cells.py``, ``rules/sheet.py``) report problems as codes with
parameters; each code has exactly one sentence here, translated into the
user's language when it is shown. An import adds the sentences of its own codes
(``_import_messages``) and the labels of its columns (``_column_labels``).
"""

from datetime import date

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

#: code -> sentence; ``%(name)s`` are the parameters of the problem
MESSAGES = {
    # the file
    "unreadable": _lt(
        "The file cannot be read: it is damaged, protected by a password, or "
        "not a spreadsheet (%(detail)s)."
    ),
    "empty_file": _lt("The file is empty."),
    "too_big": _lt("The file is too big (%(size)s bytes, at most %(max)s)."),
    "not_excel": _lt(
        "This is not an Excel file: save it as .xlsx or .xls and try again."
    ),
    "not_spreadsheet": _lt(
        "This is not a spreadsheet or a CSV text: save it as .xlsx, .xls or "
        ".csv and try again."
    ),
    "no_sheet": _lt("The file has no worksheet."),
    "no_header": _lt("The first row of the first sheet must be the header."),
    "no_rows": _lt("The file has a header but no row to import."),
    "too_many_rows": _lt("The file has more than %(max)s rows: split it."),
    "missing_columns": _lt(
        "The header (line 1) lacks the column(s) %(columns)s: download the "
        "template and keep its first row."
    ),
    "duplicate_columns": _lt(
        "The header (line 1) has the same column twice: %(columns)s."
    ),
    # the cells
    "required": _lt("This cell is required."),
    "error_value": _lt("The cell holds the error %(value)s."),
    "not_text": _lt("%(value)s is not a text or a number."),
    "number_too_large": _lt(
        "The number %(value)s is too large to be exact in Excel: enter it as text."
    ),
    "too_long": _lt("The text is too long (%(length)s characters, at most %(max)s)."),
    "bad_date": _lt(
        "%(value)s is not a date: use a date cell or write it as 2025-11-30."
    ),
    "ambiguous_date": _lt(
        "%(value)s can be read as %(readings)s: write the year first, with four "
        "digits (2025-11-30 or 2025年11月30日), or use a date cell."
    ),
    "future_date": _lt("The date %(date)s is in the future."),
    "too_old": _lt("The date %(date)s is before %(earliest)s."),
    "unknown_choice": _lt("%(value)s is not one of: %(allowed)s."),
    "bad_number": _lt("%(value)s is not a whole number from %(low)s to %(high)s."),
    "bad_datetime": _lt(
        "%(value)s is not a date and time: write it with the year first, such "
        "as 2026-10-03 09:00:05, or use a date-time cell."
    ),
    "bad_duration": _lt(
        "%(value)s is not a duration: seconds, minutes:seconds or "
        "hours:minutes:seconds."
    ),
    # checked against the database by both imports
    "bad_phone": _lt("%(value)s is not a valid phone number."),
    # the outcome
    "rows_have_problems": _lt(
        "Nothing was imported: %(count)s row(s) have problems. Correct them, or "
        "tick 'Import the Valid Rows Only'."
    ),
    "write_failed": _lt("Nothing was imported: %(error)s"),
}


class _Params(dict):
    """Parameters of a sentence; one the problem did not give reads "-"."""

    def __missing__(self, key):
        return "-"


def problem_message(env, code, params, messages=None, column_label=None):
    """The sentence of ``code`` with its parameters, in the user's language.

    ``messages``: the import's own ``{code: lazy sentence}``, looked up first;
    ``column_label(key)``: the label of a column key, for ``missing_columns``.
    """
    params = _Params(params or {})
    if code == "missing_columns" and column_label:
        params["columns"] = [column_label(key) for key in params["columns"]]
    if code == "ambiguous_date":
        params["readings"] = " / ".join(params["readings"])
    for name, value in params.items():
        if isinstance(value, list | tuple):
            params[name] = ", ".join(str(item) for item in value)
        elif isinstance(value, date):
            params[name] = value.isoformat()
    lazy = (messages or {}).get(code) or MESSAGES.get(code)
    if lazy is None:
        return code
    sentence = env._(lazy)
    return sentence % params
