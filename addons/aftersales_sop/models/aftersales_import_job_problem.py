# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesImportJobProblem(models.Model):
    _name = "aftersales.import.job.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found by an Import Job"

    job_id = fields.Many2one(
        "aftersales.import.job",
        string="Import Job",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True)
