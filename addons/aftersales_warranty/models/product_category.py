# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    aftersales_warranty_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Warranty Policy",
        help="Applies to the products of this category and of its subcategories "
        "that have no policy of their own.",
    )
    aftersales_effective_policy_id = fields.Many2one(
        "aftersales.warranty.policy",
        string="Applicable Warranty Policy",
        compute="_compute_aftersales_effective_policy_id",
        store=True,
        recursive=True,
        help="The category's own policy, else its parent's.",
    )

    @api.depends(
        "aftersales_warranty_policy_id",
        "parent_id.aftersales_effective_policy_id",
    )
    def _compute_aftersales_effective_policy_id(self):
        for category in self:
            category.aftersales_effective_policy_id = (
                category.aftersales_warranty_policy_id
                or category.parent_id.aftersales_effective_policy_id
            )
