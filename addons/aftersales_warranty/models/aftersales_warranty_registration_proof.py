# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The proof of purchase of a registration the customer made himself (SPEC
§5, §12): it waits for an agent, who verifies it or rejects it with a reason;
only a verified one counts as proof (``has_proof``, which the warranty
suggestion of the unit and of its requests reads). A registration entered,
imported or delivered by staff has no proof check: its invoice number or
document counts as given."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note

PROOF_STATES = [
    ("to_verify", "To Verify"),
    ("verified", "Verified"),
    ("rejected", "Rejected"),
]
#: a proof in these states does not count (yet)
NOT_COUNTED = ("to_verify", "rejected")


class AftersalesWarrantyRegistration(models.Model):
    _name = "aftersales.warranty.registration"
    _inherit = ["aftersales.warranty.registration", "aftersales.reason.mixin"]

    origin = fields.Selection(
        selection_add=[("portal", "Registered Online")],
        ondelete={"portal": "set default"},
    )
    shop_name = fields.Char(
        string="Bought At", help="The shop the customer says he bought the unit in."
    )
    proof_state = fields.Selection(
        PROOF_STATES,
        string="Proof Check",
        tracking=True,
        copy=False,
        index=True,
        readonly=True,
        help="A purchase the customer registers on his portal waits for an agent "
        "to check its invoice: verified, it counts as proof of purchase; "
        "rejected, the customer sees why and may send another. Empty: the proof "
        "was entered by staff and counts as given.",
    )
    proof_rejection_reason = fields.Text(
        string="Why the Proof Was Rejected", readonly=True, tracking=True, copy=False
    )
    proof_checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    proof_checked_date = fields.Datetime(
        string="Proof Checked On", readonly=True, copy=False
    )

    @api.depends("proof_reference", "proof_attachment_ids", "proof_state")
    def _compute_has_proof(self):
        for registration in self:
            given = bool(
                (registration.proof_reference or "").strip()
                or registration.proof_attachment_ids
            )
            registration.has_proof = (
                given and registration.proof_state not in NOT_COUNTED
            )

    def _aftersales_reason_actions(self):
        actions = super()._aftersales_reason_actions()
        actions["proof_reject"] = "_aftersales_reject_proof"
        return actions

    # ---------------------------------------------------------------------------
    # the agent's check
    # ---------------------------------------------------------------------------

    def _aftersales_check_proof_checkable(self):
        for registration in self:
            if registration.proof_state != "to_verify":
                raise UserError(
                    self.env._(
                        "%(registration)s has no proof waiting for a check.",
                        registration=registration.display_name,
                    )
                )

    def action_proof_verify(self):
        """The invoice shows this purchase: the proof counts."""
        self._aftersales_check_proof_checkable()
        for registration in self:
            if (
                not registration.proof_attachment_ids
                and not (registration.proof_reference or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "%(registration)s has no invoice to verify.",
                        registration=registration.display_name,
                    )
                )
        self.write(
            {
                "proof_state": "verified",
                "proof_rejection_reason": False,
                "proof_checked_by_id": self.env.uid,
                "proof_checked_date": fields.Datetime.now(),
            }
        )
        for registration in self:
            registration._aftersales_tell_customer(
                self.env._(
                    "Your proof of purchase of %(unit)s was verified: the warranty "
                    "of the unit runs through %(end)s.",
                    unit=registration._aftersales_unit_label(),
                    end=registration.warranty_end_date or "-",
                )
            )
        return True

    def action_proof_reject(self):
        self.ensure_one()
        self._aftersales_check_proof_checkable()
        return self.env["aftersales.reason"]._aftersales_open(
            self,
            "proof_reject",
            self.env._("Reject the Proof of Purchase"),
            self.env._(
                "Why does the invoice not prove this purchase? The customer reads "
                "it on his portal."
            ),
        )

    def _aftersales_reject_proof(self, reason):
        self._aftersales_check_proof_checkable()
        self.write(
            {
                "proof_state": "rejected",
                "proof_rejection_reason": reason,
                "proof_checked_by_id": self.env.uid,
                "proof_checked_date": fields.Datetime.now(),
            }
        )
        for registration in self:
            registration._aftersales_tell_customer(
                self.env._(
                    "Your proof of purchase of %(unit)s was not accepted: "
                    "%(reason)s. You may send another one from your portal.",
                    unit=registration._aftersales_unit_label(),
                    reason=reason,
                )
            )
        return True

    def _aftersales_unit_label(self):
        self.ensure_one()
        product = self.product_id.with_context(display_default_code=False)
        return (
            f"{product.display_name} {self.lot_id.name}"
            if self.lot_id
            else product.display_name
        )

    def _aftersales_tell_customer(self, text):
        """Tell the customer of a registration he made on his portal (by
        e-mail when he has an address); always log it."""
        self.ensure_one()
        body = Markup("<p>%s</p>") % text
        if self.origin == "portal" and self.partner_id.email:
            # sudo: staff without an e-mail address answer customers too
            self.sudo().message_post(
                body=body,
                partner_ids=self.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        else:
            post_note(self, text)
