# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_certification_months = fields.Integer(
        related="company_id.aftersales_certification_months", readonly=False
    )
    aftersales_response_seconds = fields.Integer(
        related="company_id.aftersales_response_seconds", readonly=False
    )
    aftersales_repeat_caller_days = fields.Integer(
        related="company_id.aftersales_repeat_caller_days", readonly=False
    )
