# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesSpreadsheetImportProblemMixin(models.AbstractModel):
    _name = "aftersales.spreadsheet.import.problem.mixin"
    _description = "Problem Found in a Spreadsheet"
    _order = "line, id"

    line = fields.Integer(help="The line in the spreadsheet; 0: the whole file.")
    column = fields.Char()
    message = fields.Char(string="Problem")
    severity = fields.Selection(
        [("error", "Not Imported"), ("warning", "Imported, with a Warning")],
        default="error",
        required=True,
    )
