# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The parts of a repair: covered by the warranty or charged, and the
customer's consent to each replacement."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "aftersales.part.consent.mixin"]

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
    # -- the customer's consent (SPEC §4: recorded, free parts too): the mixin ----
    aftersales_consent_pending = fields.Boolean(
        string="Awaiting Consent",
        compute="_compute_aftersales_consent_pending",
        help="The customer has not agreed to this replacement (or to its new "
        "quantity or price) yet.",
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

    @api.depends(
        "repair_id.partner_id",
        "repair_id.aftersales_rules_apply",
        "repair_line_type",
        "state",
        "product_uom_qty",
        "aftersales_consent_qty",
        "aftersales_consent_charged",
        "aftersales_warranty_covered",
    )
    def _compute_aftersales_consent_pending(self):
        for move in self:
            move.aftersales_consent_pending = bool(
                move.repair_id.partner_id
                and move.repair_id.aftersales_rules_apply
                and move._aftersales_needs_consent()
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
            if (
                move.repair_line_type != "add"
                or not line
                or not move.repair_id._aftersales_rules_apply()
            ):
                continue
            line._aftersales_set_free(move.aftersales_warranty_covered)

    # ---------------------------------------------------------------------------
    # consent
    # ---------------------------------------------------------------------------

    def _aftersales_consent_applies(self):
        return self.repair_line_type == "add" and self.state != "cancel"

    def _aftersales_consent_covered(self):
        return self.aftersales_warranty_covered
