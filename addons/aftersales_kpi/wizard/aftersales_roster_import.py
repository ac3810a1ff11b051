# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models

from odoo.addons.aftersales_warranty.rules import registration_import
from odoo.addons.aftersales_warranty.tools import spreadsheet

from ..rules import cells as cell_rules
from ..rules import roster_import as roster_rules
from .aftersales_roster_messages import column_label, problem_message
from .aftersales_roster_records import RosterLookup

MAX_ROWS = 20_000


class AftersalesRosterImport(models.TransientModel):
    """Import the engineer roster (engineers, zones, skills, certifications)
    from an .xls or .xlsx file: every bad row is named with its line and the
    reason, and a file whose structure is wrong imports nothing."""

    _name = "aftersales.roster.import"
    _inherit = ["aftersales.spreadsheet.import.mixin"]
    _description = "Import the Engineer Roster"
    _template_filename = "engineer_roster.xlsx"

    create_zones = fields.Boolean(
        string="Create Missing Zones",
        help="A zone the file names and Odoo does not know is created. "
        "Otherwise the row is reported.",
    )
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

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_view_engineers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_engineer_action"
        )
        action.update(domain=[("id", "in", self.engineer_ids.ids)], context={})
        return action

    def _import_title(self):
        return self.env._("Import the Engineer Roster")

    @api.model
    def _template_bytes(self, chinese=False):
        senior, hardware = ("高级", "硬件") if chinese else ("Senior", "Hardware")
        example = [
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
        return self._xlsx_bytes(
            [
                (
                    "工程师" if chinese else "Engineers",
                    [roster_rules.template_header(chinese), example],
                )
            ]
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
        today = fields.Date.context_today(self)
        try:
            rows, datemode = self._read_spreadsheet()
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
        lookup = RosterLookup(self.env, self.company_id, self.create_zones)
        saved, error = self._write_all_or_nothing(lookup.save, rows)
        if error:
            return (
                self.env["aftersales.engineer"],
                False,
                self.env._("Nothing was imported: %(error)s", error=error),
            )
        engineers, counts = saved
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
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Roster File"

    wizard_id = fields.Many2one(
        "aftersales.roster.import", required=True, ondelete="cascade"
    )
