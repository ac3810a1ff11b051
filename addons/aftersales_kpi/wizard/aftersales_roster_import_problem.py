# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesRosterImportProblem(models.TransientModel):
    _name = "aftersales.roster.import.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Roster File"

    wizard_id = fields.Many2one(
        "aftersales.roster.import", required=True, ondelete="cascade"
    )
