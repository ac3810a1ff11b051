# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_replacement_warranty = fields.Selection(
        related="company_id.aftersales_replacement_warranty", readonly=False
    )
    aftersales_loan_days = fields.Integer(
        related="company_id.aftersales_loan_days", readonly=False
    )
    aftersales_register_deliveries = fields.Boolean(
        related="company_id.aftersales_register_deliveries", readonly=False
    )
    aftersales_loaner_location_id = fields.Many2one(
        related="company_id.aftersales_loaner_location_id", readonly=False
    )
    aftersales_return_location_id = fields.Many2one(
        related="company_id.aftersales_return_location_id", readonly=False
    )
    aftersales_repair_rules_all = fields.Boolean(
        related="company_id.aftersales_repair_rules_all", readonly=False
    )
    aftersales_labour_product_id = fields.Many2one(
        related="company_id.aftersales_labour_product_id", readonly=False
    )
    aftersales_currency_id = fields.Many2one(
        related="company_id.currency_id", string="After-Sales Currency"
    )
    aftersales_quote_approval_amount = fields.Monetary(
        related="company_id.aftersales_quote_approval_amount",
        readonly=False,
        currency_field="aftersales_currency_id",
    )
    aftersales_travel_product_id = fields.Many2one(
        related="company_id.aftersales_travel_product_id", readonly=False
    )
    aftersales_parts_auto_reserve = fields.Boolean(
        related="company_id.aftersales_parts_auto_reserve", readonly=False
    )
    aftersales_parts_reservation_days = fields.Integer(
        related="company_id.aftersales_parts_reservation_days", readonly=False
    )
    aftersales_parts_demand_months = fields.Integer(
        related="company_id.aftersales_parts_demand_months", readonly=False
    )
    aftersales_parts_cover_months = fields.Float(
        related="company_id.aftersales_parts_cover_months", readonly=False
    )
    aftersales_warranty_overview = fields.Html(
        string="Warranty Periods by Category",
        compute="_compute_aftersales_warranty_overview",
        sanitize=False,
    )

    @api.depends("company_id")
    def _compute_aftersales_warranty_overview(self):
        categories = self.env["product.category"]
        overview = categories._aftersales_warranty_overview()
        items = []
        for policy, months, names, more in overview:
            if policy:
                label = self.env._(
                    "%(policy)s: %(months)s months", policy=policy.name, months=months
                )
            else:
                label = self.env._("No warranty period (a contract may cover them)")
            text = ", ".join(names)
            if more > 0:
                text = self.env._(
                    "%(names)s and %(count)s more", names=text, count=more
                )
            items.append(Markup("<li><strong>%s</strong> - %s</li>") % (label, text))
        html = Markup('<ul class="mb-0 ps-3">%s</ul>') % Markup("").join(items)
        for settings in self:
            settings.aftersales_warranty_overview = html
