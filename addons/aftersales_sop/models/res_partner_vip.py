# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_vip = fields.Boolean(
        string="VIP Customer",
        index=True,
        help="After a completed repair, a VIP customer gets a second follow-up "
        "call (within 7 days), and is on every monthly follow-up plan. The "
        "contacts of a VIP company are VIP too.",
    )

    def _aftersales_is_vip(self):
        self.ensure_one()
        return self.aftersales_vip or self.commercial_partner_id.aftersales_vip
