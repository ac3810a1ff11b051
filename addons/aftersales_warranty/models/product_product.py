# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _aftersales_warranty_policy(self):
        """The product's own policy, else its category's (the nearest one set)."""
        self.ensure_one()
        return (
            self.product_tmpl_id.aftersales_warranty_policy_id
            or self.categ_id.aftersales_effective_policy_id
        )
