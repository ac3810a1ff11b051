# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


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

    aftersales_warranty_months = fields.Integer(
        related="aftersales_effective_policy_id.months",
        string="Warranty Period (months)",
    )
    aftersales_has_warranty = fields.Boolean(
        string="Has a Warranty Period",
        compute="_compute_aftersales_has_warranty",
        search="_search_aftersales_has_warranty",
        help="A period applies to the products of this category (contracts "
        "aside): its own policy's or its parent's.",
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

    @api.depends("aftersales_effective_policy_id.months")
    def _compute_aftersales_has_warranty(self):
        for category in self:
            category.aftersales_has_warranty = (
                category.aftersales_effective_policy_id.months > 0
            )

    def _search_aftersales_has_warranty(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(
                self.env._(
                    "Unsupported operator %(operator)s for the warranty period.",
                    operator=operator,
                )
            )
        # sudo: which policies have a period is no secret of any company
        with_period = (
            self.env["aftersales.warranty.policy"]
            .sudo()
            .with_context(active_test=False)
            .search([("months", ">", 0)])
            .ids
        )
        if (operator == "=") == bool(value):
            return [("aftersales_effective_policy_id", "in", with_period)]
        return [
            "|",
            ("aftersales_effective_policy_id", "=", False),
            ("aftersales_effective_policy_id", "not in", with_period),
        ]

    @api.model
    def _aftersales_warranty_overview(self, limit=8):
        """``[(policy or None, months, [category names], more)]``: which
        categories carry which period, and which carry none (``None``)."""
        groups = {}
        for policy, names in self._read_group(
            [],
            ["aftersales_effective_policy_id"],
            ["complete_name:array_agg"],
        ):
            key = policy if policy.months > 0 else None
            groups.setdefault(key, []).extend(names)
        policies = sorted(
            (p for p in groups if p is not None), key=lambda p: (p.sequence, p.id)
        )
        if None in groups:
            policies.append(None)
        overview = []
        for policy in policies:
            names = sorted(groups[policy])
            overview.append(
                (
                    policy,
                    policy.months if policy else 0,
                    names[:limit],
                    len(names) - limit,
                )
            )
        return overview
