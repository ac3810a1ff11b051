# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_warranty_check_limit = fields.Integer(
        string="Warranty Checks per Minute and Address",
        default=10,
        help="How many serial numbers one address may look up per minute on the "
        "public warranty check page; more are refused until the minute is over "
        "(HTTP 429). 0: no limit.",
    )
