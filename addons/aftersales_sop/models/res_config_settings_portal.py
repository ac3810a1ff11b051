# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_appointment_answer_hours = fields.Integer(
        related="company_id.aftersales_appointment_answer_hours", readonly=False
    )
    aftersales_portal_upload_mb = fields.Integer(
        related="company_id.aftersales_portal_upload_mb", readonly=False
    )
