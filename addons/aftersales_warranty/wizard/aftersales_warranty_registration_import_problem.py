# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesWarrantyRegistrationImportProblem(models.TransientModel):
    _name = "aftersales.warranty.registration.import.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Registration File"

    wizard_id = fields.Many2one(
        "aftersales.warranty.registration.import",
        string="Import",
        required=True,
        ondelete="cascade",
    )
