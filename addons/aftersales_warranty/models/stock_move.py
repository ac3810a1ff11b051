# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The parts of a repair: covered by the warranty or charged, and the
customer's consent to each replacement."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

CONSENT_WAYS = [
    ("quote", "Accepted Quote"),
    ("in_person", "In Person"),
    ("signed", "Signed Service Form"),
    ("phone", "By Phone"),
    ("message", "In Writing (Message or E-mail)"),
]


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
    # -- the customer's consent (SPEC §4: recorded, free parts too) ---------------
    aftersales_consent_qty = fields.Float(
        string="Agreed Quantity",
        digits="Product Unit of Measure",
        copy=False,
        readonly=True,
        help="How many of this part the customer agreed to have replaced.",
    )
    aftersales_consent_charged = fields.Boolean(
        string="Price Agreed",
        copy=False,
        readonly=True,
        help="The customer agreed to pay for this part (accepted quote).",
    )
    aftersales_consent_how = fields.Selection(
        CONSENT_WAYS, string="Consent Given", copy=False, readonly=True
    )
    aftersales_consent_date = fields.Datetime(
        string="Consent Recorded On", copy=False, readonly=True
    )
    aftersales_consent_user_id = fields.Many2one(
        "res.users", string="Consent Recorded By", copy=False, readonly=True
    )
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

    def _aftersales_needs_consent(self):
        """A part to replace whose quantity, or price, the customer has not
        agreed to yet."""
        self.ensure_one()
        if self.repair_line_type != "add" or self.state == "cancel":
            return False
        more = float_compare(
            self.product_uom_qty,
            self.aftersales_consent_qty,
            precision_rounding=self.product_uom.rounding or 0.01,
        )
        return more > 0 or not (
            self.aftersales_warranty_covered or self.aftersales_consent_charged
        )

    def _aftersales_set_consent(self, how):
        for move in self:
            move.write(
                {
                    "aftersales_consent_qty": move.product_uom_qty,
                    "aftersales_consent_charged": not move.aftersales_warranty_covered,
                    "aftersales_consent_how": how,
                    "aftersales_consent_date": fields.Datetime.now(),
                    "aftersales_consent_user_id": self.env.user.id,
                }
            )

    def _aftersales_part_list(self):
        """``Capacitor (2 Units), Remote Battery (1 Units)``."""
        return ", ".join(
            f"{move.product_id.display_name} ({move.product_uom_qty:g} "
            f"{move.product_uom.name})"
            for move in self
        )
