# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the roster import tells its user about its own checks.

The file, its header and its cells are the suite's shared reader: their
sentences are in ``aftersales_sop/models/spreadsheet_import_messages.py``.
Here are the sentences of the checks only this import makes (rows of one
engineer, the rows against the database) and the labels of its columns; each
code has exactly one sentence, translated when it is shown.
"""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

#: column key -> the label the user knows it by
COLUMN_LABELS = {
    "employee": _lt("Engineer"),
    "badge": _lt("Badge ID"),
    "login": _lt("User Login"),
    "mobile": _lt("Mobile"),
    "zone": _lt("Zone"),
    "level": _lt("Level"),
    "fault_type": _lt("Skill Fault Type"),
    "skill_category": _lt("Skill Product Category"),
    "skill_level": _lt("Skill Level"),
    "certificate": _lt("Certificate Number"),
    "certificate_category": _lt("Certified Product Category"),
    "issued": _lt("Issued On"),
    "validity_months": _lt("Validity (months)"),
}

#: code -> sentence; ``%(name)s`` are the parameters of the problem
MESSAGES = {
    # the rows
    "bad_badge": _lt("The badge ID %(value)s must be digits only."),
    "certificate_required": _lt(
        "A certification needs its certificate number on the row."
    ),
    "issued_required": _lt("The certification needs the date it was issued."),
    "conflict": _lt(
        "%(value)s differs from %(other)s given for the same engineer on line "
        "%(first_line)s."
    ),
    "duplicate_skill": _lt(
        "The engineer has this skill already on line %(first_line)s."
    ),
    "duplicate_badge": _lt(
        "The badge ID %(value)s is already another engineer's, on line %(first_line)s."
    ),
    "duplicate_certificate": _lt(
        "The certificate number %(value)s is already on line %(first_line)s."
    ),
    # the rows against the database
    "badge_other_name": _lt("The badge ID %(value)s belongs to %(name)s."),
    "badge_other_company": _lt(
        "The badge ID %(value)s belongs to an employee of another company."
    ),
    "ambiguous_employee": _lt(
        "Several employees are named %(value)s: add their badge ID."
    ),
    "unknown_login": _lt("No user has the login %(value)s."),
    "employee_other_user": _lt(
        "The employee is linked to the user %(user)s, not %(value)s."
    ),
    "login_taken": _lt("The user %(value)s is the employee %(employee)s."),
    "unknown_zone": _lt(
        "No service zone has the name, city or code %(value)s: create it in "
        "Configuration > Service Zones, or tick 'Create Missing Zones'."
    ),
    "cannot_create_zone": _lt(
        "The zone %(value)s does not exist and you may not create zones: ask "
        "an after-sales manager."
    ),
    "unknown_category": _lt("No product category is named %(value)s."),
    "ambiguous_category": _lt(
        "Several product categories are named %(value)s: write its full name "
        "(All / Appliances / ...)."
    ),
    "certificate_taken": _lt(
        "The certificate number %(value)s belongs to %(engineer)s."
    ),
    "engineer_rejected": _lt(
        "Left out: the engineer's line %(first_line)s has a problem."
    ),
}
