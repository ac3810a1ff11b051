# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recording the customer's consent to the parts of a document, written once
for the two documents that replace parts: a repair order (its ``stock.move``
parts) and a service request (its ``aftersales.part.line`` parts).

Each part carries its own consent (``aftersales_part_consent_mixin.py``);
this mixin is the document's side: which parts await consent, the
**Customer Consent** wizard, the check that charged parts are agreed with
their price on an accepted quote, and the note in the chatter.
"""

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note


class AftersalesConsentMixin(models.AbstractModel):
    """A document whose parts the customer agrees to before they are
    replaced. The documents fill in the hooks below."""

    _name = "aftersales.consent.mixin"
    _description = "Customer Consent to a Document's Parts"

    # the field of the Customer Consent wizard that names the document
    _aftersales_consent_wizard_field = None

    # -- hooks ------------------------------------------------------------------------

    def _aftersales_parts_awaiting_consent(self):
        """The parts (records of an ``aftersales.part.consent.mixin`` model)
        the customer has not agreed to yet."""
        raise NotImplementedError

    def _aftersales_consent_unpriced(self, parts):
        """The charged parts among ``parts`` whose price the customer has not
        accepted on a quote yet."""
        raise NotImplementedError

    def _aftersales_consent_quote_hint(self, parts):
        """The message that says where the customer accepts ``parts``'s
        price."""
        raise NotImplementedError

    def _aftersales_consent_store(self, parts, how):
        """Record the consent on the parts."""
        parts._aftersales_set_consent(how)

    def _aftersales_consent_notify(self, parts, body):
        """Tell who follows the document."""
        post_note(self, body)

    # -- the consent ------------------------------------------------------------------

    def _aftersales_consent_nothing_awaits(self):
        return UserError(
            self.env._(
                "No part of %(document)s awaits the customer's consent.",
                document=self.display_name,
            )
        )

    def action_aftersales_record_consent(self):
        """Open the Customer Consent wizard on the parts awaiting consent."""
        self.ensure_one()
        if not self._aftersales_parts_awaiting_consent():
            raise self._aftersales_consent_nothing_awaits()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Consent to the Parts"),
            "res_model": "repair.order.part.consent",
            "view_mode": "form",
            "target": "new",
            "context": {f"default_{self._aftersales_consent_wizard_field}": self.id},
        }

    def _aftersales_record_consent(self, how, note=False):
        """The customer agreed to the parts awaiting his consent; a charged
        part is agreed with its price, on the accepted quote."""
        self.ensure_one()
        parts = self._aftersales_parts_awaiting_consent()
        if not parts:
            raise self._aftersales_consent_nothing_awaits()
        unpriced = self._aftersales_consent_unpriced(parts)
        if unpriced:
            raise UserError(self._aftersales_consent_quote_hint(unpriced))
        self._aftersales_consent_store(parts, how)
        labels = dict(
            parts._fields["aftersales_consent_how"]._description_selection(self.env)
        )
        body = self.env._(
            "The customer agreed to the replacement of %(parts)s (%(how)s, "
            "recorded by %(user)s).",
            parts=parts._aftersales_part_list(),
            how=labels[how],
            user=self.env.user.name,
        )
        self._aftersales_consent_notify(parts, f"{body} {note}" if note else body)
        return True
