# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AftersalesZone(models.Model):
    _name = "aftersales.zone"
    _description = "Service Zone"
    _order = "sequence, name"

    name = fields.Char(required=True, help="A city or an area served from one place.")
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the zone between companies.",
    )
    city_names = fields.Char(
        string="Cities",
        help="Comma-separated city names: a customer whose city is one of them "
        "(or the zone's name) is proposed this zone.",
    )
    engineer_count = fields.Integer(compute="_compute_engineer_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The zone code must be unique.",
        ),
    ]

    def _compute_engineer_count(self):
        counts = dict(
            self.env["aftersales.engineer"]._read_group(
                [("zone_id", "in", self.ids)], ["zone_id"], ["__count"]
            )
        )
        for zone in self:
            zone.engineer_count = counts.get(zone, 0)

    @api.model
    def _match_city(self, city, company=None):
        """The zone whose name or cities contain ``city`` (case-insensitive)."""
        city = (city or "").strip().casefold()
        if not city:
            return self.browse()
        company = company or self.env.company
        zones = self.search([("company_id", "in", [False, company.id])])
        for zone in zones:
            names = [zone.name] + (zone.city_names or "").split(",")
            if city in {n.strip().casefold() for n in names if n and n.strip()}:
                return zone
        return self.browse()
