# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import: the file, the check, the result shown to the user.

Reading rows against the database is in ``..._import_check.py``, writing the
registrations in ``..._import_write.py``, the sentences in
``registration_import_messages.py``.
"""

import base64
import binascii
import io

import openpyxl

from odoo import api, fields, models

from ..rules import registration_import as import_rules
from ..tools import spreadsheet
from .registration_import_messages import column_label, message

#: at most this many lines under the header
MAX_ROWS = 100_000


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _name = "aftersales.warranty.registration.import"
    _description = "Import Warranty Registrations"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    file = fields.Binary(attachment=False)
    filename = fields.Char()
    import_valid_rows = fields.Boolean(
        string="Import the Valid Rows Only",
        help="Import the rows without problems and leave out the bad ones. "
        "Otherwise one bad row stops the whole import.",
    )
    state = fields.Selection(
        [("upload", "Upload"), ("checked", "Checked"), ("done", "Imported")],
        default="upload",
        required=True,
    )
    file_error = fields.Text(readonly=True)
    ignored_columns = fields.Char(
        string="Columns Not Imported",
        readonly=True,
        help="Columns of the file the import does not read (remarks, "
        "addresses, stores, ...): they were ignored.",
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    valid_count = fields.Integer(string="Valid Rows", readonly=True)
    bad_row_count = fields.Integer(string="Rows with Problems", readonly=True)
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
    template_file = fields.Binary(attachment=False, readonly=True)

    @api.onchange("file")
    def _onchange_file(self):
        self.state = "upload"

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_check(self):
        self.ensure_one()
        self._run(create=False)
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        self._run(create=True)
        return self._reopen()

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_warranty_registration_action"
        )
        action.update(domain=[("id", "in", self.registration_ids.ids)], context={})
        return action

    def action_download_template(self):
        self.ensure_one()
        chinese = (self.env.lang or "").startswith("zh")
        self.template_file = base64.b64encode(self._template_bytes(chinese))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/"
            "warranty_registrations.xlsx?download=true",
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Warranty Registrations"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.model
    def _template_bytes(self, chinese=False):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "登记" if chinese else "Registrations"
        header = import_rules.template_header(chinese)
        sheet.append(header)
        example = book.create_sheet("示例" if chinese else "Example")
        example.append(header)
        example.append(
            [
                "Zhou Min",
                "+86 138 0013 8000",
                "AC-3500",
                "AC35-2025-000184",
                "2025-11-30",
                "INV-SH-2025-018832",
                import_rules.CHANNELS["online"][1 if chinese else 0],
            ]
        )
        for ws in (sheet, example):
            for column in ws.columns:
                ws.column_dimensions[column[0].column_letter].width = 22
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

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
        problem = import_rules.Problem
        check = import_rules.SheetCheck()
        try:
            content = self.with_context(bin_size=False).file or b""
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            check.file_problems.append(problem("unreadable"))
            return check
        today = fields.Date.context_today(self)
        try:
            rows, datemode = spreadsheet.read_sheet(data)
            check = import_rules.check_rows(rows, today, datemode, MAX_ROWS)
        except spreadsheet.SpreadsheetError as error:
            check.file_problems.append(problem(error.code, params=error.params))
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
    _description = "Problem Found in a Registration File"
    _order = "line, id"

    wizard_id = fields.Many2one(
        "aftersales.warranty.registration.import",
        string="Import",
        required=True,
        ondelete="cascade",
    )
    line = fields.Integer(help="The line in the spreadsheet; 0: the whole file.")
    column = fields.Char()
    message = fields.Char(string="Problem")
    severity = fields.Selection(
        [("error", "Not Imported"), ("warning", "Imported, with a Warning")],
        default="error",
        required=True,
    )
