# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    aftersales_repair_charge = fields.Selection(
        [("labour", "Labour"), ("travel", "Travel")],
        string="Repair Charge",
        copy=False,
        help="Labour or travel of a repair quote.",
    )
    aftersales_repair_id = fields.Many2one(
        "repair.order",
        string="Charged Repair",
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    aftersales_part_line_id = fields.Many2one(
        "aftersales.part.line",
        string="Service Request Part",
        copy=False,
        index="btree_not_null",
        help="A spare part of the service request, on the quote of its repair "
        "order: the request's parts flow moves it, not a delivery.",
    )

    def _action_launch_stock_rule(self, previous_product_uom_qty=False):
        # the parts of a request are issued and consumed by the request
        lines = self.filtered(lambda line: not line.aftersales_part_line_id)
        return super(SaleOrderLine, lines)._action_launch_stock_rule(
            previous_product_uom_qty
        )

    def _aftersales_set_free(self, free):
        """Make quote lines free (warranty) or give them back their price.

        Lines of a confirmed quote follow too until they are invoiced: a part
        added after the acceptance is priced by its cover, and a price that
        rises waits for the customer's consent (``repair_order_gate.py``).
        """
        for line in self:
            if line.order_id.state not in ("draft", "sent", "sale") or (
                line.qty_invoiced
            ):
                continue
            if free:
                if line.price_unit or line.technical_price_unit:
                    line.write({"price_unit": 0.0, "technical_price_unit": 0.0})
            elif not line.price_unit:
                line.technical_price_unit = 0.0
                line._compute_price_unit()
