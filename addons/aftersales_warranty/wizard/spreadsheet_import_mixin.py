# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every spreadsheet import wizard of the suite shares: the uploaded file,
the check-then-import steps, the counts shown to the user, the template to
download, and writing all the rows or none.

An import (the warranty registrations here, the engineer roster in
``aftersales_kpi``) inherits ``aftersales.spreadsheet.import.mixin`` and
defines ``_run(create)``, ``_template_bytes(chinese)``, ``_import_title()`` and
``_template_filename``; its problem lines inherit
``aftersales.spreadsheet.import.problem.mixin`` and add their ``wizard_id``.
"""

import base64
import binascii
import io
import logging

import openpyxl
import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import spreadsheet

_logger = logging.getLogger(__name__)


class AftersalesSpreadsheetImportMixin(models.AbstractModel):
    _name = "aftersales.spreadsheet.import.mixin"
    _description = "Spreadsheet Import (.xls, .xlsx)"

    #: the name of the downloaded template
    _template_filename = "template.xlsx"

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
        help="Columns of the file the import does not read: they were ignored.",
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    valid_count = fields.Integer(string="Valid Rows", readonly=True)
    bad_row_count = fields.Integer(string="Rows with Problems", readonly=True)
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

    def _run(self, create):
        """Check the file; import it when asked and allowed. Never half-writes."""
        raise NotImplementedError

    # ---------------------------------------------------------------------------
    # helpers
    # ---------------------------------------------------------------------------

    @api.model
    def _xlsx_bytes(self, sheets, width=20):
        """An .xlsx file of ``sheets``, ``[(title, rows)]`` in order, its
        columns ``width`` characters wide (a template to fill in)."""
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in sheets:
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
            for column in sheet.columns:
                sheet.column_dimensions[column[0].column_letter].width = width
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

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
        return spreadsheet.read_sheet(data)

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


class AftersalesSpreadsheetImportProblemMixin(models.AbstractModel):
    _name = "aftersales.spreadsheet.import.problem.mixin"
    _description = "Problem Found in a Spreadsheet"
    _order = "line, id"

    line = fields.Integer(help="The line in the spreadsheet; 0: the whole file.")
    column = fields.Char()
    message = fields.Char(string="Problem")
