# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesComplaintSolutionType(models.Model):
    """What a complaint's solution offers: apology, compensation, rework,
    process change; several may apply to one complaint."""

    _name = "aftersales.complaint.solution.type"
    _description = "Complaint Solution Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    is_compensation = fields.Boolean(
        string="Compensation",
        help="The solution pays the customer: the complaint records the amount.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A solution type with this name exists."),
    ]
