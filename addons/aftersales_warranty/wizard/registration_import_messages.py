# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the registration import tells its user, in one table.

The rules layer, the spreadsheet readers and the checks against the database
report problems and warnings as codes with parameters; each code has exactly
one sentence here, translated into the user's language when it is shown.
"""

from datetime import date

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

#: column key -> the label the user knows it by
COLUMN_LABELS = {
    "customer": _lt("Customer"),
    "phone": _lt("Phone"),
    "product": _lt("Product"),
    "serial": _lt("Serial Number"),
    "purchase_date": _lt("Purchase Date"),
    "invoice": _lt("Invoice Number"),
    "channel": _lt("Sales Channel"),
}

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
    "ignored_columns": _lt(
        "These columns are not read by the import and were ignored: %(columns)s."
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
    "future_date": _lt("The purchase date %(date)s is in the future."),
    "too_old": _lt("The purchase date %(date)s is before %(earliest)s."),
    "unknown_channel": _lt("Unknown sales channel %(value)s; use one of: %(allowed)s."),
    "duplicate_in_file": _lt(
        "The serial number %(serial)s is already on line %(first_line)s."
    ),
    # the rows against the database
    "bad_phone": _lt("%(value)s is not a valid phone number."),
    "unknown_product": _lt(
        "No product has the internal reference or the name %(value)s."
    ),
    "ambiguous_product": _lt(
        "Several products have the reference or the name %(value)s: use the "
        "internal reference."
    ),
    "serial_required": _lt(
        "%(product)s is tracked by serial number: the serial number is required."
    ),
    "serial_not_tracked": _lt(
        "%(product)s is not tracked by serial number: leave the serial number empty."
    ),
    "serial_registered": _lt(
        "The serial number %(serial)s is already registered (%(registration)s)."
    ),
    # warnings: the row is imported all the same
    "no_invoice": _lt(
        "No invoice number: the unit is imported without proof of purchase, so "
        "no free repair can be granted until one is added to its registration."
    ),
    "name_differs": _lt(
        "The phone %(phone)s belongs to the customer %(partner)s: the unit is "
        "registered to %(partner)s, the name %(name)s of the file is not used."
    ),
    "name_differs_in_file": _lt(
        "The phone %(phone)s is given to %(first_name)s on line %(first_line)s: "
        "the unit is registered to %(first_name)s, the name %(name)s is not used."
    ),
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


def column_label(env, key):
    """The label of a column key, in the user's language."""
    label = COLUMN_LABELS.get(key)
    return env._(label) if label else (key or "")


def message(env, code, params=None):
    """The sentence of ``code`` with its parameters, in the user's language."""
    params = _Params(params or {})
    if code == "missing_columns":
        params["columns"] = [column_label(env, key) for key in params["columns"]]
    if code == "ambiguous_date":
        params["readings"] = " / ".join(params["readings"])
    for name, value in params.items():
        if isinstance(value, list | tuple):
            params[name] = ", ".join(str(item) for item in value)
        elif isinstance(value, date):
            params[name] = value.isoformat()
    sentence = env._(MESSAGES[code])
    return sentence % params
