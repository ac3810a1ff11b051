# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every spreadsheet import wizard of the suite shares: the uploaded file,
the check-then-import steps, the counts and problems shown to the user, the
template to download, writing all the rows or none, and handing a big file to
a background job (``aftersales.import.job``).

An import (the warranty registrations of ``aftersales_warranty``, the engineer
roster of ``aftersales_kpi``) inherits ``aftersales.spreadsheet.import.mixin``,
names its rules module (``_import_rules``: ``COLUMNS``, ``Row``,
``check_rows``) and defines:

- ``_check_rows(rows)``: the rows of the rules layer against the database,
  ``(rows ready to write, problems, warnings)``;
- ``_write_rows(ready)``: write them, ``(records, counts)``;
- ``_summary(counts)``, ``_result_values(records)``, ``_ready_rows(ready)``;
  ``_result_model`` and ``_result_action``: the records it writes and the
  action that lists them;
- ``_import_title()``, ``_template_bytes(chinese)``, ``_template_filename``;
- ``_import_messages()`` and ``_column_labels()``: its sentences and labels.

Its problem lines inherit ``aftersales.spreadsheet.import.problem.mixin`` and
add their ``wizard_id``.
"""

import base64
import binascii
import logging

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import sheet
from ..tools import spreadsheet
from .spreadsheet_import_messages import problem_message

_logger = logging.getLogger(__name__)


class AftersalesSpreadsheetImportMixin(models.AbstractModel):
    _name = "aftersales.spreadsheet.import.mixin"
    _inherit = ["aftersales.spreadsheet.import.result.mixin"]
    _description = "Spreadsheet Import (.xls, .xlsx)"

    #: the name of the downloaded template
    _template_filename = "template.xlsx"
    #: the rules module of the import (its columns, rows and row check)
    _import_rules = None
    #: the model of the records an import writes (``_write_rows``), and the
    #: action that lists them
    _result_model = None
    _result_action = None
    #: at most this many lines under the header
    _max_rows = 100_000
    #: the import also reads a CSV text (UTF-8 or GB 18030), not only Excel
    _accepts_csv = False
    #: rows written per transaction by a background import: a few seconds of
    #: work, so that the ten calls of one pass of the cron runner stay far
    #: below the server's time limit (limit_time_real, 120 s by default)
    _batch_size = 500

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
    template_file = fields.Binary(attachment=False, readonly=True)

    @api.onchange("file")
    def _onchange_file(self):
        self.state = "upload"

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_check(self):
        self.ensure_one()
        return self._start(create=False)

    def action_import(self):
        self.ensure_one()
        return self._start(create=True)

    def action_download_template(self):
        self.ensure_one()
        chinese = (self.env.lang or "").startswith("zh")
        self.template_file = base64.b64encode(self._template_bytes(chinese))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/"
            f"{self._template_filename}?download=true",
            "target": "download",
        }

    @api.model
    def _records_action(self, ids):
        """The list of the records an import wrote (``ids``)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(self._result_action)
        action.update(domain=[("id", "in", ids)], context={})
        return action

    def _start(self, create):
        """Check (and import) here, or hand a big file to a background job."""
        if self._goes_to_background():
            return self.env["aftersales.import.job"]._queue(self, create).action_open()
        self._run(create)
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self._import_title(),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # ---------------------------------------------------------------------------
    # what each import defines
    # ---------------------------------------------------------------------------

    def _import_title(self):
        """The wizard's title, translated."""
        raise NotImplementedError

    @api.model
    def _template_bytes(self, chinese=False):
        """The template to fill in, as .xlsx bytes."""
        raise NotImplementedError

    def _check_rows(self, rows):
        """``(ready, problems, warnings)``: the rules layer's rows checked
        against the database; ``ready`` is what ``_write_rows`` takes."""
        raise NotImplementedError

    def _write_rows(self, ready):
        """Write the checked rows: ``(records, {count name: number})``."""
        raise NotImplementedError

    def _ready_rows(self, ready):
        """The rules layer's rows of ``ready``, in the order to write them."""
        raise NotImplementedError

    def _summary(self, counts):
        """What was imported, in a sentence (``counts`` of ``_write_rows``)."""
        raise NotImplementedError

    def _result_values(self, records):
        """The wizard's values for the imported ``records`` (None: cleared)."""
        return {}

    def _import_messages(self):
        """``{code: lazy sentence}`` of the import's own problems."""
        return {}

    def _column_labels(self):
        """``{column key: lazy label}`` of the import's columns."""
        return {}

    def _job_options(self):
        """The options a background job keeps to run the import as asked."""
        return {"import_valid_rows": self.import_valid_rows}

    def _batch_end(self, rows, start):
        """Where the batch of ``rows`` starting at ``start`` ends."""
        return start + self._batch_size

    # ---------------------------------------------------------------------------
    # checking and importing
    # ---------------------------------------------------------------------------

    def _run(self, create):
        """Check the file; import it when asked and allowed. Never half-writes."""
        self.problem_ids.unlink()
        check, ready = self._check_file()
        values, write = self._check_result(check, ready, create)
        values.update(summary=False, imported_count=0, **self._result_values(None))
        if write:
            written, error = self._write_all_or_nothing(self._write_rows, ready)
            if error:
                values["file_error"] = self._message("write_failed", {"error": error})
            else:
                records, counts = written
                values.update(
                    imported_count=len(records),
                    summary=self._summary(counts),
                    **self._result_values(records),
                )
        values["state"] = "done" if values["imported_count"] else "checked"
        values["problem_ids"] = self._problem_commands(check.problems + check.warnings)
        self.write(values)

    def _check_result(self, check, ready, create):
        """``(values, write)``: the counts and the file error of ``check`` (its
        rows ``ready`` to write), and whether to write them when ``create``."""
        bad_lines = {p.line for p in check.problems}
        values = {
            "file_error": False,
            "row_count": check.row_count,
            "valid_count": len(ready),
            "bad_row_count": len(bad_lines),
            "warning_row_count": len({w.line for w in check.warnings}),
            "ignored_columns": ", ".join(check.ignored_columns) or False,
        }
        if check.file_problems:
            values["file_error"] = "\n".join(
                self._message(p.code, p.params) for p in check.file_problems
            )
            return values, False
        if create and ready and (not check.problems or self.import_valid_rows):
            return values, True
        if create and check.problems:
            values["file_error"] = self._message(
                "rows_have_problems", {"count": len(bad_lines)}
            )
        return values, False

    def _check_file(self):
        """``(sheet check, rows ready to write)``: the file read and checked,
        its valid rows checked against the database."""
        try:
            rows, datemode = self._read_spreadsheet()
            check = self._check_sheet(rows, datemode)
        except spreadsheet.SpreadsheetError as error:
            problem = sheet.Problem(error.code, params=error.params)
            return sheet.SheetCheck(file_problems=[problem]), []
        if not check.readable:
            return check, []
        ready, problems, warnings = self._check_rows(check.rows)
        check.problems += problems
        check.warnings += warnings
        return check, ready

    def _check_sheet(self, rows, datemode):
        """The rules layer's check of the file's ``rows`` (a sheet check)."""
        today = fields.Date.context_today(self)
        return self._import_rules.check_rows(rows, today, datemode, self._max_rows)

    def _write_batch(self, rows):
        """Check rules rows kept since the file was checked against the database
        as it is now, and write the valid ones: ``(records, counts, problems,
        error)``; nothing is written when ``error`` is given."""
        ready, problems, _warnings = self._check_rows(rows)
        nothing = self.env[self._result_model]
        if not ready:
            return nothing, {}, problems, None
        written, error = self._write_all_or_nothing(self._write_rows, ready)
        if error:
            return nothing, {}, problems, error
        return *written, problems, None

    # ---------------------------------------------------------------------------
    # helpers
    # ---------------------------------------------------------------------------

    def _goes_to_background(self):
        """More rows than the company's limit for an import in the page."""
        limit = self.company_id.aftersales_import_background_rows
        if limit <= 0:
            return False
        try:
            rows, _datemode = self._read_spreadsheet()
            return sheet.count_rows(rows, limit) > limit
        except spreadsheet.SpreadsheetError:
            return False  # checked in the page, which says what is wrong

    def _read_spreadsheet(self):
        """``(rows, datemode)`` of the uploaded file.

        :raise spreadsheet.SpreadsheetError: the file is not a readable
            spreadsheet (``unreadable`` when it is not even base64)
        """
        try:
            content = self.with_context(bin_size=False).file or b""
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError) as error:
            raise spreadsheet.SpreadsheetError("unreadable") from error
        return spreadsheet.read_sheet(data, csv_text=self._accepts_csv)

    @api.model
    def _xlsx_bytes(self, sheets, width=20):
        """An .xlsx file of ``sheets``, ``[(title, rows)]`` (a template)."""
        return spreadsheet.xlsx_bytes(sheets, width)

    def _write_all_or_nothing(self, write, *args):
        """``(write(*args), None)``, or ``(None, why)`` when the ORM (access,
        constraints: :class:`UserError` and its subclasses) or the database
        (psycopg2) refused: everything ``write`` did is rolled back."""
        try:
            with self.env.cr.savepoint():
                return write(*args), None
        except (UserError, psycopg2.Error) as error:
            _logger.info("%s failed", self._description, exc_info=True)
            self.env.invalidate_all()
            if isinstance(error, UserError) and error.args:
                return None, error.args[0]
            return None, self.env._(
                "the database refused the rows (%(kind)s).",
                kind=type(error).__name__,
            )

    def _column_label(self, key):
        """The label of a column key, in the user's language."""
        label = self._column_labels().get(key)
        return self.env._(label) if label else (key or "")

    def _message(self, code, params=None):
        """The sentence of a problem code, in the user's language."""
        return problem_message(
            self.env, code, params, self._import_messages(), self._column_label
        )

    def _problem_commands(self, problems):
        """Problem lines of ``problems``, by line and column, in the user's
        language (for the wizard's or a job's ``problem_ids``)."""
        return [
            fields.Command.create(
                {
                    "line": problem.line,
                    "column": self._column_label(problem.column)
                    if problem.column
                    else "",
                    "message": self._message(problem.code, problem.params),
                    "severity": "warning" if problem.warning else "error",
                }
            )
            for problem in sorted(problems, key=lambda p: (p.line, p.column or ""))
        ]
