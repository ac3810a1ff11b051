# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_repeat_repair_days = fields.Integer(
        related="company_id.aftersales_repeat_repair_days", readonly=False
    )
    aftersales_repeat_repair_rule_id = fields.Many2one(
        related="company_id.aftersales_repeat_repair_rule_id", readonly=False
    )
    aftersales_certification_reminder_days = fields.Integer(
        related="company_id.aftersales_certification_reminder_days", readonly=False
    )
    aftersales_commendation_score = fields.Float(
        related="company_id.aftersales_commendation_score", readonly=False
    )
    aftersales_call_window_minutes = fields.Integer(
        related="company_id.aftersales_call_window_minutes", readonly=False
    )
    aftersales_hr_user_id = fields.Many2one(
        related="company_id.aftersales_hr_user_id", readonly=False
    )
