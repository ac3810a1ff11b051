# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import io
import logging

import openpyxl

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_warranty.rules import registration_import
from odoo.addons.aftersales_warranty.tools import spreadsheet

from ..rules import cells as cell_rules
from ..rules import roster_import as roster_rules
from .aftersales_roster_messages import column_label, problem_message
from .aftersales_roster_records import RosterLookup

_logger = logging.getLogger(__name__)

MAX_ROWS = 20_000


class AftersalesRosterImport(models.TransientModel):
    """Import the engineer roster (engineers, zones, skills, certifications)
    from an .xls or .xlsx file: every bad row is named with its line and the
    reason, and a file whose structure is wrong imports nothing."""

    _name = "aftersales.roster.import"
    _description = "Import the Engineer Roster"

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
    create_zones = fields.Boolean(
        string="Create Missing Zones",
        help="A zone the file names and Odoo does not know is created. "
        "Otherwise the row is reported.",
    )
    state = fields.Selection(
        [("upload", "Upload"), ("checked", "Checked"), ("done", "Imported")],
        default="upload",
        required=True,
    )
    file_error = fields.Text(readonly=True)
    ignored_columns = fields.Char(
        readonly=True, help="Columns of the file this import does not read."
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    valid_count = fields.Integer(string="Valid Rows", readonly=True)
    bad_row_count = fields.Integer(string="Rows with Problems", readonly=True)
    summary = fields.Text(readonly=True)
    problem_ids = fields.One2many(
        "aftersales.roster.import.problem", "wizard_id", string="Problems"
    )
    engineer_ids = fields.Many2many(
        "aftersales.engineer",
        "aftersales_roster_import_engineer_rel",
        "import_id",
        "engineer_id",
        string="Imported Engineers",
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

    def action_view_engineers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_engineer_action"
        )
        action.update(domain=[("id", "in", self.engineer_ids.ids)], context={})
        return action

    def action_download_template(self):
        self.ensure_one()
        chinese = (self.env.lang or "").startswith("zh")
        self.template_file = base64.b64encode(self._template_bytes(chinese))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/"
            "engineer_roster.xlsx?download=true",
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import the Engineer Roster"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.model
    def _template_bytes(self, chinese=False):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "工程师" if chinese else "Engineers"
        header = roster_rules.template_header(chinese)
        sheet.append(header)
        senior, hardware = ("高级", "硬件") if chinese else ("Senior", "Hardware")
        sheet.append(
            [
                "Zhang Wei",
                "1001",
                "zhang.wei",
                "+86 136 0000 1001",
                "Shanghai",
                senior,
                hardware,
                "Air Conditioners",
                senior,
                "ASC-2025-0311",
                "Appliances",
                "2025-11-30",
                24,
            ]
        )
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 20
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
            "summary": False,
            "engineer_ids": [fields.Command.clear()],
        }
        check, rows, problems = self._check_file()
        bad_lines = {p.line for p in problems}
        values.update(
            row_count=check.row_count,
            valid_count=len(rows),
            bad_row_count=len(bad_lines),
            ignored_columns=", ".join(check.ignored_columns) or False,
        )
        imported = False
        if check.file_problems:
            values["file_error"] = "\n".join(
                problem_message(self.env, p) for p in check.file_problems
            )
        elif create and rows and (not problems or self.import_valid_rows):
            engineers, summary, error = self._import_rows(rows)
            if error:
                values["file_error"] = error
            else:
                imported = True
                values.update(
                    summary=summary, engineer_ids=[fields.Command.set(engineers.ids)]
                )
        elif create and problems:
            values["file_error"] = self.env._(
                "Nothing was imported: %(count)s row(s) have problems. Correct "
                "them, or tick 'Import the Valid Rows Only'.",
                count=len(bad_lines),
            )
        values["state"] = "done" if imported else "checked"
        values["problem_ids"] = [
            fields.Command.create(
                {
                    "line": p.line,
                    "column": column_label(self.env, p.column) if p.column else False,
                    "message": problem_message(self.env, p),
                }
            )
            for p in sorted(problems, key=lambda p: (p.line, p.column or ""))
        ]
        self.write(values)

    def _check_file(self):
        """``(sheet check, rows ready to import, row problems)``."""
        check = roster_rules.SheetCheck()
        try:
            content = self.with_context(bin_size=False).file or b""
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            check.file_problems.append(roster_rules.Problem("unreadable"))
            return check, [], []
        today = fields.Date.context_today(self)
        try:
            rows, datemode = spreadsheet.read_sheet(data)
            check = roster_rules.check_rows(
                (self._own_cells(row) for row in rows), today, datemode, MAX_ROWS
            )
        except spreadsheet.SpreadsheetError as error:
            check.file_problems.append(
                roster_rules.Problem(error.code, params=error.params)
            )
            return check, [], []
        if not check.readable:
            return check, [], []
        lookup = RosterLookup(self.env, self.company_id, self.create_zones)
        rows, problems = lookup.check(check.rows)
        return check, rows, check.problems + problems

    @staticmethod
    def _own_cells(row):
        """The reader's error cells as the roster rules know them."""
        return tuple(
            cell_rules.CellError(cell.text)
            if isinstance(cell, registration_import.CellError)
            else cell
            for cell in row
        )

    def _import_rows(self, rows):
        """Create everything or nothing: ``(engineers, summary, error)``."""
        engineers = self.env["aftersales.engineer"]
        lookup = RosterLookup(self.env, self.company_id, self.create_zones)
        try:
            with self.env.cr.savepoint():
                engineers, counts = lookup.save(rows)
        # whatever the database refuses is reported: nothing is half-written
        except Exception as error:
            _logger.info("engineer roster import failed", exc_info=True)
            self.env.invalidate_all()
            message = (
                error.args[0] if isinstance(error, UserError) and error.args else None
            )
            return (
                engineers.browse(),
                False,
                self.env._(
                    "Nothing was imported: %(error)s",
                    error=message
                    or self.env._(
                        "the database refused the rows (%(kind)s).",
                        kind=type(error).__name__,
                    ),
                ),
            )
        summary = self.env._(
            "Engineers: %(engineers_new)s created, %(engineers_old)s updated. "
            "Skills: %(skills_new)s created, %(skills_old)s updated. "
            "Certifications: %(certs_new)s created, %(certs_old)s updated. "
            "Zones created: %(zones)s.",
            **counts,
        )
        return engineers, summary, None


class AftersalesRosterImportProblem(models.TransientModel):
    _name = "aftersales.roster.import.problem"
    _description = "Problem Found in a Roster File"
    _order = "line, id"

    wizard_id = fields.Many2one(
        "aftersales.roster.import", required=True, ondelete="cascade"
    )
    line = fields.Integer(help="The line in the spreadsheet; 0: the whole file.")
    column = fields.Char()
    message = fields.Char(string="Problem")
