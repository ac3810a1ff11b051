# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's consent to a part replacement (SPEC §4: recorded, free
parts too), shared by the parts of a repair (``stock.move``) and the parts
lines of a service request (``aftersales.part.line``)."""

from odoo import fields, models
from odoo.tools import float_compare

CONSENT_WAYS = [
    ("quote", "Accepted Quote"),
    ("in_person", "In Person"),
    ("signed", "Signed Service Form"),
    ("phone", "By Phone"),
    ("message", "In Writing (Message or E-mail)"),
]


class AftersalesPartConsentMixin(models.AbstractModel):
    """A part to replace, with ``product_id``, ``product_uom_qty`` and
    ``product_uom``: how many of it, and at what price, the customer agreed to.

    The models say when consent applies, for how many units, and whether the
    warranty covers the part (``_aftersales_consent_*`` hooks).
    """

    _name = "aftersales.part.consent.mixin"
    _description = "Customer Consent to a Part"

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

    # -- hooks ------------------------------------------------------------------------

    def _aftersales_consent_applies(self):
        """The record replaces a part of the customer's unit."""
        return True

    def _aftersales_consent_quantity(self):
        """How many units the customer must have agreed to."""
        return self.product_uom_qty

    def _aftersales_consent_covered(self):
        """The warranty pays for the part."""
        return False

    # -- consent ----------------------------------------------------------------------

    def _aftersales_needs_consent(self):
        """A part to replace whose quantity, or price, the customer has not
        agreed to yet."""
        self.ensure_one()
        if not self._aftersales_consent_applies():
            return False
        more = float_compare(
            self._aftersales_consent_quantity(),
            self.aftersales_consent_qty,
            precision_rounding=self.product_uom.rounding or 0.01,
        )
        return more > 0 or not (
            self._aftersales_consent_covered() or self.aftersales_consent_charged
        )

    def _aftersales_set_consent(self, how):
        for record in self:
            covered = record._aftersales_consent_covered()
            record.write(
                {
                    "aftersales_consent_qty": record.product_uom_qty,
                    "aftersales_consent_charged": not covered,
                    "aftersales_consent_how": how,
                    "aftersales_consent_date": fields.Datetime.now(),
                    "aftersales_consent_user_id": self.env.user.id,
                }
            )

    def _aftersales_part_list(self):
        """``Capacitor (2 Units), Remote Battery (1 Units)``."""
        return ", ".join(
            f"{record.product_id.display_name} ({record.product_uom_qty:g} "
            f"{record.product_uom.name})"
            for record in self
        )
