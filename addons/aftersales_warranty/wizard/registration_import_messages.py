# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the registration import tells its user about its own checks.

The file, its header and its cells are the suite's shared reader: their
sentences are in ``aftersales_sop/models/spreadsheet_import_messages.py``.
Here are the sentences of the checks only this import makes (a serial number
twice in the file, the rows against the database, the warnings) and the labels
of its columns; each code has exactly one sentence, translated into the user's
language when it is shown.
"""

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
    "duplicate_in_file": _lt(
        "The serial number %(serial)s is already on line %(first_line)s."
    ),
    # the rows against the database
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
}
