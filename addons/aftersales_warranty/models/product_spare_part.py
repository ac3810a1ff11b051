# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spare parts as products (SPEC §6): original parts only, the product models
they fit, and a minimum stock that follows the demand."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import parts as rules

#: the parts offered for a customer's unit, on every form that takes one (the
#: request's parts lines, the parts used on a visit's service form): original
#: spare parts that fit the model ``unit_product_tmpl_id`` of the record, or fit
#: every model. ``product.product._aftersales_spare_part_problem`` checks it.
SPARE_PART_DOMAIN = (
    "[('aftersales_is_spare_part', '=', True), '|', "
    "('aftersales_fits_tmpl_ids', '=', False), "
    "('aftersales_fits_tmpl_ids', 'in', [unit_product_tmpl_id])]"
)


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aftersales_is_spare_part = fields.Boolean(
        string="Original Spare Part",
        help="An original part of the manufacturer: only these can be requested "
        "for a customer's unit.",
    )
    aftersales_fits_tmpl_ids = fields.Many2many(
        "product.template",
        "aftersales_part_fits_rel",
        "part_tmpl_id",
        "unit_tmpl_id",
        string="Fits",
        domain="[('aftersales_is_spare_part', '=', False)]",
        help="The product models this part fits: a request for one of them "
        "offers it. Empty: it fits every model.",
    )
    aftersales_part_line_count = fields.Integer(
        string="Service Parts",
        compute="_compute_aftersales_part_line_count",
        groups="stock.group_stock_user",
    )
    aftersales_suggested_min_qty = fields.Float(
        string="Suggested Minimum",
        compute="_compute_aftersales_suggested_min_qty",
        digits="Product Unit of Measure",
        groups="stock.group_stock_user",
        help="Average monthly demand over the demand period of the company "
        "(deliveries, repairs and service requests), times the months the "
        "minimum stock covers (Settings > After-sales > Spare parts).",
    )

    def _compute_aftersales_part_line_count(self):
        groups = dict(
            self.env["aftersales.part.line"]._read_group(
                [("product_id.product_tmpl_id", "in", self.ids)],
                ["product_id"],
                ["__count"],
            )
        )
        for template in self:
            template.aftersales_part_line_count = sum(
                count
                for product, count in groups.items()
                if product.product_tmpl_id == template
            )

    @api.depends_context("company")
    def _compute_aftersales_suggested_min_qty(self):
        for template in self:
            template.aftersales_suggested_min_qty = sum(
                template.product_variant_ids.mapped("aftersales_suggested_min_qty")
            )

    def action_view_aftersales_part_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_part_line_action"
        )
        action["domain"] = [("product_id.product_tmpl_id", "=", self.id)]
        action["context"] = {"search_default_group_state": 1}
        return action

    def action_aftersales_set_minimum(self):
        self.product_variant_ids.action_aftersales_set_minimum()
        return True


class ProductProduct(models.Model):
    _inherit = "product.product"

    aftersales_demand_qty = fields.Float(
        string="Demand",
        compute="_compute_aftersales_suggested_min_qty",
        digits="Product Unit of Measure",
        help="What left the company's stock for customers and repairs over the "
        "demand period.",
    )
    aftersales_suggested_min_qty = fields.Float(
        string="Suggested Minimum",
        compute="_compute_aftersales_suggested_min_qty",
        digits="Product Unit of Measure",
        help="Average monthly demand over the demand period of the company, "
        "times the months the minimum stock covers.",
    )

    @api.depends_context("company")
    def _compute_aftersales_suggested_min_qty(self):
        company = self.env.company
        months = company.aftersales_parts_demand_months
        since = fields.Datetime.now() - relativedelta(months=max(months, 0))
        demand = dict(
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.ids),
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("date", ">=", since),
                    ("location_id.usage", "=", "internal"),
                    ("location_dest_id.usage", "in", ("customer", "production")),
                ],
                ["product_id"],
                ["product_qty:sum"],
            )
        )
        for product in self:
            quantity = demand.get(product, 0.0)
            product.aftersales_demand_qty = quantity
            product.aftersales_suggested_min_qty = rules.suggested_minimum(
                quantity, months, company.aftersales_parts_cover_months
            )

    def _aftersales_spare_part_problem(self, unit_template=None):
        """Why this product cannot go into a customer's unit of the model
        ``unit_template`` (a message), or ``None``: only original spare parts,
        tracked in stock, that fit the unit's model (SPEC §4, §6)."""
        self.ensure_one()
        if not self.aftersales_is_spare_part:
            return self.env._(
                "%(part)s is not an original spare part: only original parts go "
                "into a customer's unit. Mark it as an original spare part on the "
                "product if it is one.",
                part=self.display_name,
            )
        if not self.is_storable:
            return self.env._(
                "%(part)s is not tracked in stock: a spare part is reserved and "
                "issued from the warehouse.",
                part=self.display_name,
            )
        fits = self.aftersales_fits_tmpl_ids
        if unit_template and fits and unit_template not in fits:
            return self.env._(
                "%(part)s does not fit %(unit)s: it fits %(models)s (the product's "
                "Fits).",
                part=self.display_name,
                unit=unit_template.display_name,
                models=", ".join(fits.mapped("display_name")),
            )
        return None

    def action_aftersales_set_minimum(self):
        """Set the minimum-stock rule of the company's main warehouse to the
        suggested minimum (the maximum is kept when it is higher)."""
        if not self.env.user.has_group("stock.group_stock_manager"):
            raise UserError(
                self.env._("Only a warehouse manager sets minimum-stock rules.")
            )
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        if not warehouse:
            raise UserError(self.env._("The company has no warehouse."))
        orderpoints = self.env["stock.warehouse.orderpoint"]
        for product in self:
            minimum = product.aftersales_suggested_min_qty
            rule = orderpoints.search(
                [
                    ("product_id", "=", product.id),
                    ("location_id", "=", warehouse.lot_stock_id.id),
                    ("company_id", "=", warehouse.company_id.id),
                ],
                limit=1,
            )
            if rule:
                rule.write(
                    {
                        "product_min_qty": minimum,
                        "product_max_qty": max(rule.product_max_qty, minimum),
                    }
                )
            else:
                orderpoints.create(
                    {
                        "product_id": product.id,
                        "warehouse_id": warehouse.id,
                        "location_id": warehouse.lot_stock_id.id,
                        "company_id": warehouse.company_id.id,
                        "product_min_qty": minimum,
                        "product_max_qty": minimum,
                        "trigger": "auto",
                    }
                )
        return True
