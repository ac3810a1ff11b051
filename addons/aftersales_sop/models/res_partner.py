# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_zone_id = fields.Many2one(
        "aftersales.zone",
        string="Service Zone",
        compute="_compute_aftersales_zone_id",
        store=True,
        readonly=False,
        help="Zone the after-sales engineers come from for this address; "
        "proposed from the city.",
    )

    @api.depends("city")
    def _compute_aftersales_zone_id(self):
        # sudo: portal customers and users without a group edit addresses too; only the
        # zone of the city is read to propose it
        zones = self.env["aftersales.zone"].sudo()
        has_zones = bool(zones.search_count([], limit=1))
        for partner in self:
            zone = partner.aftersales_zone_id
            if has_zones and partner.city and not zone:
                zone = zones._match_city(partner.city, partner.company_id)
            partner.aftersales_zone_id = zone
