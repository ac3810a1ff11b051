# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesSpreadsheetImportResultMixin(models.AbstractModel):
    """What an import found and did: on the wizard, and on a background job."""

    _name = "aftersales.spreadsheet.import.result.mixin"
    _description = "Result of a Spreadsheet Import"

    file_error = fields.Text(readonly=True)
    ignored_columns = fields.Char(
        string="Columns Not Imported",
        readonly=True,
        help="Columns of the file the import does not read: they were ignored.",
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
    summary = fields.Text(readonly=True)
