# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesCallImportProblem(models.TransientModel):
    _name = "aftersales.call.import.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Call Log"

    wizard_id = fields.Many2one(
        "aftersales.call.import", required=True, ondelete="cascade"
    )
