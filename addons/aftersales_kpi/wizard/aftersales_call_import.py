# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import re
import uuid

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.rules import cells as cell_rules
from odoo.addons.aftersales_sop.tools import spreadsheet
from odoo.addons.phone_validation.tools import phone_validation

from ..rules import call_log as call_rules
from ..rules import csv_text
from .aftersales_call_messages import column_label, problem_message

MAX_ROWS = 200_000


class AftersalesCallImport(models.TransientModel):
    """Import the hotline's call log as the telephony provider exports it
    (.csv, .xls, .xlsx): each answered call is matched to the request created
    from it, which takes the answer delay the telephony system recorded; a
    call with no request is listed; a call nobody answered counts as a
    consultation not answered in time. Every bad row is named with its line
    and the reason; nothing is half-written."""

    _name = "aftersales.call.import"
    _inherit = ["aftersales.spreadsheet.import.mixin"]
    _description = "Import the Hotline Call Log"
    _template_filename = "call_log.xlsx"

    summary = fields.Text(readonly=True)
    import_ref = fields.Char(readonly=True)
    unmatched_count = fields.Integer(string="Calls without a Request", readonly=True)
    problem_ids = fields.One2many(
        "aftersales.call.import.problem", "wizard_id", string="Problems"
    )

    def _import_title(self):
        return self.env._("Import the Call Log")

    @api.model
    def _template_bytes(self, chinese=False):
        rows = [
            call_rules.template_header(chinese),
            ["13700000001", "2026-10-03 09:00:00", "2026-10-03 09:00:12", "1001", 95],
            ["+86 138 0000 0002", "2026-10-03 09:05:00", None, None, 0],
        ]
        return self._xlsx_bytes([("通话记录" if chinese else "Calls", rows)])

    def action_view_unmatched(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_kpi.aftersales_call_action"
        )
        action.update(
            domain=[("import_ref", "=", self.import_ref), ("state", "=", "no_request")],
            context={},
        )
        return action

    # ---------------------------------------------------------------------------
    # reading the file (the only place that knows the readers)
    # ---------------------------------------------------------------------------

    def _aftersales_read_rows(self):
        """``(rows, datemode)`` of the uploaded .csv, .xls or .xlsx file.

        :raise spreadsheet.SpreadsheetError: not a readable spreadsheet
        :raise csv_text.CsvError: not a readable CSV text
        """
        try:
            content = self.with_context(bin_size=False).file or b""
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError) as error:
            raise spreadsheet.SpreadsheetError("unreadable") from error
        if data and spreadsheet.file_kind(data) is None:
            if len(data) > spreadsheet.MAX_BYTES:
                raise spreadsheet.SpreadsheetError(
                    "too_big", size=len(data), max=spreadsheet.MAX_BYTES
                )
            return csv_text.csv_rows(data), 0
        return self._read_spreadsheet()

    # ---------------------------------------------------------------------------
    # checking and importing
    # ---------------------------------------------------------------------------

    def _company_tz(self):
        return pytz.timezone(
            self.env["aftersales.kpi.figures"]._aftersales_company_tz(self.company_id)
        )

    def _check_file(self):
        """The check of the whole file (:class:`call_rules.SheetCheck`)."""
        check = call_rules.SheetCheck()
        local_now = (
            pytz.utc.localize(fields.Datetime.now())
            .astimezone(self._company_tz())
            .replace(tzinfo=None)
        )
        try:
            rows, datemode = self._aftersales_read_rows()
            check = call_rules.check_rows(
                rows, self._aftersales_phone_reader(), local_now, datemode, MAX_ROWS
            )
        except (spreadsheet.SpreadsheetError, csv_text.CsvError) as error:
            check.file_problems.append(
                call_rules.Problem(error.code, params=error.params)
            )
        return check

    def _aftersales_phone_reader(self):
        """A caller's number in E.164, read in the company's country when it
        has no country code (as the requests store their phones)."""
        country = self.company_id.country_id or self.env.ref("base.cn")
        known = {}

        def e164(number):
            if number not in known:
                try:
                    known[number] = phone_validation.phone_format(
                        re.sub(r"[^\d+]", "", number),
                        country.code,
                        country.phone_code,
                        force_format="E164",
                        raise_exception=True,
                    )
                except UserError:
                    known[number] = None
            if not known[number]:
                shown = cell_rules.shorten(number)
                raise cell_rules.CellProblem("bad_phone", value=shown)
            return known[number]

        return e164

    def _run(self, create):
        """Check the file; import it when asked and allowed. Never half-writes."""
        self.problem_ids.unlink()
        values = {
            "file_error": False,
            "ignored_columns": False,
            "summary": False,
            "unmatched_count": 0,
        }
        check = self._check_file()
        bad_lines = {p.line for p in check.problems}
        values.update(
            row_count=check.row_count,
            valid_count=len(check.calls),
            bad_row_count=len(bad_lines),
            ignored_columns=", ".join(check.ignored_columns) or False,
        )
        imported = False
        if check.file_problems:
            values["file_error"] = "\n".join(
                problem_message(self.env, p) for p in check.file_problems
            )
        elif create and check.calls and (not check.problems or self.import_valid_rows):
            reference = uuid.uuid4().hex
            counts, error = self._write_all_or_nothing(
                self.env["aftersales.call"]._aftersales_import,
                self.company_id,
                check.calls,
                self._company_tz(),
                self.filename or "",
                reference,
            )
            if error:
                values["file_error"] = self.env._(
                    "Nothing was imported: %(error)s", error=error
                )
            else:
                imported = True
                values.update(
                    import_ref=reference,
                    unmatched_count=counts["no_request"],
                    summary=self.env._(
                        "Calls imported: %(new)s (%(known)s already imported). "
                        "Answered: %(answered)s, matched to the request created "
                        "from them: %(matched)s; without a request: "
                        "%(no_request)s (listed in the Call Log). Not answered: "
                        "%(unanswered)s, counted as consultations not answered "
                        "in time.",
                        **counts,
                    ),
                )
        elif create and check.problems:
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
            for p in sorted(check.problems, key=lambda p: (p.line, p.column or ""))[
                :1000
            ]
        ]
        self.write(values)


class AftersalesCallImportProblem(models.TransientModel):
    _name = "aftersales.call.import.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Call Log"

    wizard_id = fields.Many2one(
        "aftersales.call.import", required=True, ondelete="cascade"
    )
