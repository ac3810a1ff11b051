# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import: the file, the check, the result shown to the user.

Reading rows against the database is in ``..._import_check.py``, writing the
registrations in ``..._import_write.py``, the sentences in
``registration_import_messages.py``.
"""

from odoo import api, fields, models

from ..rules import registration_import as import_rules
from ..tools import spreadsheet
from .registration_import_messages import column_label, message

#: at most this many lines under the header
MAX_ROWS = 100_000


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _name = "aftersales.warranty.registration.import"
    _inherit = ["aftersales.spreadsheet.import.mixin"]
    _description = "Import Warranty Registrations"
    _check_company_auto = True
    _template_filename = "warranty_registrations.xlsx"

    ignored_columns = fields.Char(
        help="Columns of the file the import does not read (remarks, "
        "addresses, stores, ...): they were ignored.",
    )
    warning_row_count = fields.Integer(
        string="Rows with Warnings",
        readonly=True,
        help="Rows imported all the same, with something to know about them.",
    )
    imported_count = fields.Integer(string="Imported", readonly=True)
    problem_ids = fields.One2many(
        "aftersales.warranty.registration.import.problem",
        "wizard_id",
        string="Problems",
        readonly=True,
    )
    registration_ids = fields.Many2many(
        "aftersales.warranty.registration",
        "aftersales_warranty_import_registration_rel",
        "import_id",
        "registration_id",
        string="Imported Registrations",
        check_company=True,
    )

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_warranty_registration_action"
        )
        action.update(domain=[("id", "in", self.registration_ids.ids)], context={})
        return action

    def _import_title(self):
        return self.env._("Import Warranty Registrations")

    @api.model
    def _template_bytes(self, chinese=False):
        header = import_rules.template_header(chinese)
        example = [
            "Zhou Min",
            "+86 138 0013 8000",
            "AC-3500",
            "AC35-2025-000184",
            "2025-11-30",
            "INV-SH-2025-018832",
            import_rules.CHANNELS["online"][1 if chinese else 0],
        ]
        return self._xlsx_bytes(
            [
                ("登记" if chinese else "Registrations", [header]),
                ("示例" if chinese else "Example", [header, example]),
            ],
            width=22,
        )

    # ---------------------------------------------------------------------------
    # checking and importing
    # ---------------------------------------------------------------------------

    def _run(self, create):
        """Check the file; import it when asked and allowed. Never half-writes."""
        self.problem_ids.unlink()
        values = {
            "file_error": False,
            "ignored_columns": False,
            "row_count": 0,
            "valid_count": 0,
            "bad_row_count": 0,
            "warning_row_count": 0,
            "imported_count": 0,
            "registration_ids": [fields.Command.clear()],
        }
        check = self._check_file()
        problems = check.problems
        bad_lines = {p.line for p in problems}
        values.update(
            row_count=check.row_count,
            valid_count=len(check.rows),
            bad_row_count=len(bad_lines),
            warning_row_count=len({w.line for w in check.warnings}),
            ignored_columns=", ".join(check.ignored_columns) or False,
        )
        if check.file_problems:
            values["file_error"] = "\n".join(
                message(self.env, p.code, p.params) for p in check.file_problems
            )
        elif create and check.rows and (not problems or self.import_valid_rows):
            registrations, error = self._create_registrations(check.rows)
            if error:
                values["file_error"] = error
            else:
                # linking them reads whether each registration is active and
                # its company (the company check): those two columns alone,
                # not 50,000 whole records in the cache
                registrations.fetch(["active", "company_id"])
                values.update(
                    imported_count=len(registrations),
                    registration_ids=[fields.Command.set(registrations.ids)],
                )
        elif create and problems:
            values["file_error"] = message(
                self.env, "rows_have_problems", {"count": len(bad_lines)}
            )
        values["state"] = "done" if values["imported_count"] else "checked"
        values["problem_ids"] = [
            fields.Command.create(self._problem_values(p))
            for p in sorted(
                problems + check.warnings, key=lambda p: (p.line, p.column or "")
            )
        ]
        self.write(values)

    def _check_file(self):
        """The :class:`SheetCheck` of the file; its rows are ``CheckedRow``
        once checked against the database (``..._import_check.py``)."""
        check = import_rules.SheetCheck()
        today = fields.Date.context_today(self)
        try:
            rows, datemode = self._read_spreadsheet()
            check = import_rules.check_rows(rows, today, datemode, MAX_ROWS)
        except spreadsheet.SpreadsheetError as error:
            check.file_problems.append(
                import_rules.Problem(error.code, params=error.params)
            )
            return check
        if check.readable:
            check.rows, problems, warnings = self._check_against_database(check.rows)
            check.problems += problems
            check.warnings += warnings
        return check

    def _problem_values(self, problem):
        return {
            "line": problem.line,
            "column": column_label(self.env, problem.column) if problem.column else "",
            "message": message(self.env, problem.code, problem.params),
            "severity": "warning" if problem.warning else "error",
        }


class AftersalesWarrantyRegistrationImportProblem(models.TransientModel):
    _name = "aftersales.warranty.registration.import.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Registration File"

    wizard_id = fields.Many2one(
        "aftersales.warranty.registration.import",
        string="Import",
        required=True,
        ondelete="cascade",
    )
    severity = fields.Selection(
        [("error", "Not Imported"), ("warning", "Imported, with a Warning")],
        default="error",
        required=True,
    )
