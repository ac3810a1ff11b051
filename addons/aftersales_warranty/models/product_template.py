# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        check_company=True,
        help="Overrides the warranty policy of the product category.",
    )
    aftersales_effective_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Applicable Warranty Policy",
        compute="_compute_aftersales_effective_policy_id",
    )

    @api.depends("aftersales_warranty_policy_id", "categ_id")
    def _compute_aftersales_effective_policy_id(self):
        for template in self:
            template.aftersales_effective_policy_id = (
                template.aftersales_warranty_policy_id
                or template.categ_id.aftersales_effective_policy_id
            )
