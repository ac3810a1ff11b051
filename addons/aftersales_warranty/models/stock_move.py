# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_warranty_covered = fields.Boolean(
        string="Covered",
        compute="_compute_aftersales_warranty_covered",
        store=True,
        readonly=False,
        help="The warranty pays for this part: it costs the customer nothing.",
    )
    aftersales_exclusion_id = fields.Many2one(
        "aftersales.warranty.exclusion",
        string="Not Covered Because",
        help="Why this part is charged although the repair is under warranty.",
    )

    @api.depends(
        "repair_id.under_warranty", "repair_line_type", "aftersales_exclusion_id"
    )
    def _compute_aftersales_warranty_covered(self):
        for move in self:
            move.aftersales_warranty_covered = bool(
                move.repair_id.under_warranty
                and move.repair_line_type == "add"
                and not move.aftersales_exclusion_id
            )

    @api.constrains("aftersales_warranty_covered", "repair_line_type")
    def _check_aftersales_warranty_covered(self):
        for move in self.filtered("aftersales_warranty_covered"):
            if move.repair_line_type != "add" or not move.repair_id.under_warranty:
                raise ValidationError(
                    self.env._(
                        "Only parts added by a repair under warranty can be covered "
                        "(%(part)s on %(repair)s).",
                        part=move.product_id.display_name,
                        repair=move.repair_id.name or "-",
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if {"aftersales_warranty_covered", "aftersales_exclusion_id"} & set(vals):
            self._aftersales_update_sale_price()
        return result

    def _create_repair_sale_order_line(self):
        result = super()._create_repair_sale_order_line()
        self._aftersales_update_sale_price()
        return result

    def _aftersales_update_sale_price(self):
        """Covered parts cost nothing on the quote, charged parts their price."""
        for move in self:
            line = move.sale_line_id
            if move.repair_line_type != "add" or not line:
                continue
            line._aftersales_set_free(move.aftersales_warranty_covered)
