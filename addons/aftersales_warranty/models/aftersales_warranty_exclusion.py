# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AftersalesWarrantyExclusion(models.Model):
    _name = "aftersales.warranty.exclusion"
    _description = "Warranty Exclusion Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Short technical name; the same in every language.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True, help="What the agent tells the customer.")

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "An exclusion reason code must be unique."),
    ]
