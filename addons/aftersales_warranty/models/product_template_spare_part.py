# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spare parts as products (SPEC §6): original parts only, the product models
they fit, and a minimum stock that follows the demand."""

from odoo import api, fields, models

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
