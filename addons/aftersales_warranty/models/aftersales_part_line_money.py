# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who pays for a request's part (SPEC §5-6), and the customer's consent.

Covered parts cost the customer nothing; charged ones go on the quote of the
request's repair order at the part's sales price (covered ones at zero), and
the repair's quote gate holds the work until the customer accepts it.
Accepting the quote is consenting to the parts it lists; the others, free ones
included, need the customer's recorded consent.
"""

from odoo import api, fields, models

from ..rules import parts as rules


class AftersalesPartLine(models.Model):
    _inherit = "aftersales.part.line"

    # -- money ----------------------------------------------------------------------
    warranty_covered = fields.Boolean(
        string="Covered",
        compute="_compute_warranty_covered",
        store=True,
        readonly=False,
        help="The warranty pays for this part: it costs the customer nothing.",
    )
    exclusion_id = fields.Many2one(
        "aftersales.warranty.exclusion",
        string="Not Covered Because",
        help="Why this part is charged although the request is in warranty.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    price_unit = fields.Monetary(
        string="Price",
        compute="_compute_price",
        help="The part's sales price (its price on the quote once it is there).",
    )
    price_subtotal = fields.Monetary(
        string="Customer Pays",
        compute="_compute_price",
        help="Nothing for a covered part.",
    )
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Quote Line",
        copy=False,
        readonly=True,
        index="btree_not_null",
    )
    quote_id = fields.Many2one(related="sale_line_id.order_id", string="Quote")
    aftersales_consent_pending = fields.Boolean(
        string="Awaiting Consent",
        compute="_compute_aftersales_consent_pending",
        help="The customer has not agreed to this replacement (or to its "
        "quantity or price) yet.",
    )

    @api.depends("ticket_id.warranty_free", "exclusion_id")
    def _compute_warranty_covered(self):
        for line in self:
            line.warranty_covered = bool(
                line.ticket_id.warranty_free and not line.exclusion_id
            )

    @api.depends(
        "product_id", "product_uom_qty", "warranty_covered", "sale_line_id.price_unit"
    )
    def _compute_price(self):
        for line in self:
            price = (
                line.sale_line_id.price_unit
                if line.sale_line_id and not line.warranty_covered
                else line.product_id.lst_price
            )
            line.price_unit = price
            line.price_subtotal = (
                0.0 if line.warranty_covered else price * line.product_uom_qty
            )

    @api.depends(
        "product_uom_qty",
        "quantity_used",
        "qty_issued",
        "state",
        "warranty_covered",
        "aftersales_consent_qty",
        "aftersales_consent_charged",
    )
    def _compute_aftersales_consent_pending(self):
        for line in self:
            line.aftersales_consent_pending = line._aftersales_needs_consent()

    # ---------------------------------------------------------------------------
    # consent (mixin hooks)
    # ---------------------------------------------------------------------------

    def _aftersales_consent_applies(self):
        return (
            self.state != rules.RELEASED
            and self._aftersales_consent_quantity() > rules.EPSILON
        )

    def _aftersales_consent_quantity(self):
        """Before the issue, the quantity planned; after it, the quantity used."""
        return self.quantity_used if self.qty_issued else self.product_uom_qty

    def _aftersales_consent_covered(self):
        return self.warranty_covered

    # ---------------------------------------------------------------------------
    # the quote
    # ---------------------------------------------------------------------------

    def _aftersales_sync_quote(self):
        """Put the lines on the quote of the request's repair order (when it
        has one in progress), or take them off when they are released."""
        # sudo: engineers and agents have no right on sale orders; only this line's part
        # goes on the request's repair quotation, priced by the warranty decision
        for line in self.sudo():
            quote_line = line.sale_line_id
            order = quote_line.order_id
            if line.state == "released" and not line.qty_consumed:
                if order.state in ("draft", "sent"):
                    quote_line.unlink()
                elif quote_line and not quote_line.qty_invoiced:
                    quote_line.product_uom_qty = 0.0
                continue
            if not quote_line:
                repair = line.ticket_id._aftersales_quote_repair()
                order = repair.sale_order_id
                if order.state not in ("draft", "sent", "sale"):
                    continue
                quote_line = self.env["sale.order.line"].create(
                    {
                        "order_id": order.id,
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.product_uom_qty,
                        "aftersales_part_line_id": line.id,
                        "aftersales_repair_id": repair.id,
                    }
                )
                line.sale_line_id = quote_line
            elif (
                order.state in ("draft", "sent", "sale")
                and not quote_line.qty_invoiced
                and quote_line.product_uom_qty != line.product_uom_qty
            ):
                quote_line.product_uom_qty = line.product_uom_qty
            quote_line._aftersales_set_free(line.warranty_covered)

    def _aftersales_update_sale_price(self):
        """The decision changed: covered parts free, charged ones priced."""
        # sudo: the warranty decision (an engineer's or a manager's) reprices quotation
        # lines he may not write; only free or list price is set
        for line in self.sudo().filtered("sale_line_id"):
            line.sale_line_id._aftersales_set_free(line.warranty_covered)
