# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """The company's rules of the customer's own side (SPEC §12)."""

    _inherit = "res.company"

    aftersales_appointment_answer_hours = fields.Integer(
        string="Appointment Answered Online Until (hours before)",
        default=24,
        help="A customer confirms the proposed appointment, or moves it to another "
        "of the offered time slots, on his portal up to this many hours before "
        "it; a slot he moves it to must be as far ahead. Later, only a call "
        "changes it.",
    )
    aftersales_portal_upload_mb = fields.Integer(
        string="Largest Customer File (MB)",
        default=10,
        help="The largest photo or invoice a customer may send from his portal, "
        "in megabytes.",
    )

    def _aftersales_portal_upload_bytes(self):
        self.ensure_one()
        return max(self.aftersales_portal_upload_mb, 1) * 1024 * 1024
