# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sentences of the roster import's problems, in the user's language."""


def column_label(env, key):
    labels = {
        "employee": env._("Engineer"),
        "badge": env._("Badge ID"),
        "login": env._("User Login"),
        "mobile": env._("Mobile"),
        "zone": env._("Zone"),
        "level": env._("Level"),
        "fault_type": env._("Skill Fault Type"),
        "skill_category": env._("Skill Product Category"),
        "skill_level": env._("Skill Level"),
        "certificate": env._("Certificate Number"),
        "certificate_category": env._("Certified Product Category"),
        "issued": env._("Issued On"),
        "validity_months": env._("Validity (months)"),
    }
    return labels.get(key, key or "")


def _file_messages(env, p):
    return {
        "missing_columns": lambda: env._(
            "The header (line 1) lacks the column(s) %(columns)s: download the "
            "template and keep its first row.",
            columns=", ".join(column_label(env, c) for c in p["columns"]),
        ),
        "duplicate_columns": lambda: env._(
            "The header (line 1) has the same column twice: %(columns)s.",
            columns=", ".join(p["columns"]),
        ),
        "no_header": lambda: env._(
            "The first row of the first sheet must be the header."
        ),
        "no_rows": lambda: env._("The file has a header but no row to import."),
        "too_many_rows": lambda: env._(
            "The file has more than %(max)s rows: split it.", max=p["max"]
        ),
        "empty_file": lambda: env._("The file is empty."),
        "not_excel": lambda: env._(
            "This is not an Excel file: save it as .xlsx or .xls and try again."
        ),
        "no_sheet": lambda: env._("The file has no worksheet."),
        "unreadable": lambda: env._(
            "The file cannot be read: it is damaged, protected by a password, or "
            "not a spreadsheet (%(detail)s).",
            detail=p.get("detail") or p.get("kind") or "-",
        ),
        "too_big": lambda: env._(
            "The file is too big (%(size)s bytes, at most %(max)s).",
            size=p["size"],
            max=p["max"],
        ),
    }


def _cell_messages(env, p):
    return {
        "required": lambda: env._("This cell is required."),
        "error_value": lambda: env._(
            "The cell holds the error %(value)s.", value=p["value"]
        ),
        "not_text": lambda: env._(
            "%(value)s is not a text or a number.", value=p["value"]
        ),
        "too_long": lambda: env._(
            "The text is too long (%(length)s characters, at most %(max)s).",
            length=p["length"],
            max=p["max"],
        ),
        "unknown_choice": lambda: env._(
            "%(value)s is not one of: %(allowed)s.",
            value=p["value"],
            allowed=", ".join(p["allowed"]),
        ),
        "bad_date": lambda: env._(
            "%(value)s is not a date: use a date cell or write it as 2025-11-30.",
            value=p["value"],
        ),
        "bad_number": lambda: env._(
            "%(value)s is not a whole number from %(low)s to %(high)s.",
            value=p["value"],
            low=p["low"],
            high=p["high"],
        ),
        "bad_badge": lambda: env._(
            "The badge ID %(value)s must be digits only.", value=p["value"]
        ),
        "certificate_required": lambda: env._(
            "A certification needs its certificate number on the row."
        ),
        "issued_required": lambda: env._(
            "The certification needs the date it was issued."
        ),
        "future_date": lambda: env._(
            "The issue date %(date)s is in the future.", date=p["date"]
        ),
        "too_old": lambda: env._(
            "The issue date %(date)s is before %(earliest)s.",
            date=p["date"],
            earliest=p["earliest"],
        ),
        "conflict": lambda: env._(
            "%(value)s differs from %(other)s given for the same engineer on line "
            "%(first_line)s.",
            value=p["value"],
            other=p["other"],
            first_line=p["first_line"],
        ),
        "duplicate_skill": lambda: env._(
            "The engineer has this skill already on line %(first_line)s.",
            first_line=p["first_line"],
        ),
        "duplicate_badge": lambda: env._(
            "The badge ID %(value)s is already another engineer's, on line "
            "%(first_line)s.",
            value=p["value"],
            first_line=p["first_line"],
        ),
        "duplicate_certificate": lambda: env._(
            "The certificate number %(value)s is already on line %(first_line)s.",
            value=p["value"],
            first_line=p["first_line"],
        ),
    }


def _database_messages(env, p):
    return {
        "badge_other_name": lambda: env._(
            "The badge ID %(value)s belongs to %(name)s.",
            value=p["value"],
            name=p["name"],
        ),
        "badge_other_company": lambda: env._(
            "The badge ID %(value)s belongs to an employee of another company.",
            value=p["value"],
        ),
        "ambiguous_employee": lambda: env._(
            "Several employees are named %(value)s: add their badge ID.",
            value=p["value"],
        ),
        "unknown_login": lambda: env._(
            "No user has the login %(value)s.", value=p["value"]
        ),
        "employee_other_user": lambda: env._(
            "The employee is linked to the user %(user)s, not %(value)s.",
            user=p["user"],
            value=p["value"],
        ),
        "login_taken": lambda: env._(
            "The user %(value)s is the employee %(employee)s.",
            value=p["value"],
            employee=p["employee"],
        ),
        "unknown_zone": lambda: env._(
            "No service zone has the name, city or code %(value)s: create it in "
            "Configuration > Service Zones, or tick 'Create Missing Zones'.",
            value=p["value"],
        ),
        "cannot_create_zone": lambda: env._(
            "The zone %(value)s does not exist and you may not create zones: ask "
            "an after-sales manager.",
            value=p["value"],
        ),
        "bad_phone": lambda: env._(
            "%(value)s is not a valid phone number.", value=p["value"]
        ),
        "unknown_category": lambda: env._(
            "No product category is named %(value)s.", value=p["value"]
        ),
        "ambiguous_category": lambda: env._(
            "Several product categories are named %(value)s: write its full name "
            "(All / Appliances / ...).",
            value=p["value"],
        ),
        "certificate_taken": lambda: env._(
            "The certificate number %(value)s belongs to %(engineer)s.",
            value=p["value"],
            engineer=p["engineer"],
        ),
        "engineer_rejected": lambda: env._(
            "Left out: the engineer's line %(first_line)s has a problem.",
            first_line=p["first_line"],
        ),
    }


def problem_message(env, problem):
    params = dict(problem.params)
    for messages in (_file_messages, _cell_messages, _database_messages):
        message = messages(env, params).get(problem.code)
        if message:
            return message()
    return problem.code
