# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's units on his portal (SPEC §12): the purchase he registers
with its invoice, which waits for an agent's check; the invoice he sends again
after a rejection; and what the public warranty check may say about a serial
number, without any customer data."""

from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import escape_psql

from odoo.addons.aftersales_sop.rules import uploads
from odoo.addons.aftersales_sop.tools.portal_files import checked_file

#: the longest serial number the public check looks up
MAX_SERIAL = 64


class AftersalesWarrantyRegistration(models.Model):
    _inherit = "aftersales.warranty.registration"

    # ---------------------------------------------------------------------------
    # register a purchase
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_portal_vals(self, form, partner):
        """The values of the registration ``partner`` makes with ``form``,
        checked: a UserError says what is wrong; nothing is written."""
        Ticket = self.env["helpdesk.ticket"]
        product_id = Ticket._aftersales_portal_int(form.get("product_id"))
        product = Ticket._aftersales_portal_products().filtered(
            lambda p: p.id == product_id
        )
        if not product:
            raise UserError(self.env._("Choose the product from the list."))
        serial = (form.get("serial") or "").strip()
        tracked = product.tracking in ("serial", "lot")
        if tracked and not serial:
            raise UserError(
                self.env._(
                    "Enter the serial number of your %(product)s: it is on the "
                    "label of the unit.",
                    product=product.display_name,
                )
            )
        lot = Ticket._aftersales_portal_find_lot(product, serial) if serial else False
        if tracked and not lot:
            raise UserError(
                self.env._(
                    "%(serial)s is not a serial number of %(product)s we know: "
                    "check it on the label of the unit, or call us.",
                    serial=serial,
                    product=product.display_name,
                )
            )
        if lot:
            self._aftersales_portal_check_unit_free(product, lot, partner)
        try:
            purchase_date = date.fromisoformat(
                (form.get("purchase_date") or "").strip()
            )
        except ValueError as error:
            raise UserError(self.env._("Enter the date of the purchase.")) from error
        if purchase_date > fields.Date.context_today(self):
            raise UserError(self.env._("The purchase date cannot be in the future."))
        shop = (form.get("shop") or "").strip()
        if not shop:
            raise UserError(self.env._("Tell us the shop you bought it in."))
        return {
            "partner_id": partner.id,
            "company_id": self.env.company.id,
            "product_id": product.id,
            "lot_id": lot.id if lot else False,
            "purchase_date": purchase_date,
            "shop_name": shop,
            "proof_reference": (form.get("invoice_number") or "").strip() or False,
            "origin": "portal",
            "proof_state": "to_verify",
        }

    @api.model
    def _aftersales_portal_check_unit_free(self, product, lot, partner):
        """Refuse a unit registered already; another customer's is not named."""
        # sudo: whoever holds the unit, the customer learns only that it is taken
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [("product_id", "=", product.id), ("lot_id", "=", lot.id)],
                limit=1,
            )
        )
        if not existing:
            return
        owner = partner.commercial_partner_id
        if existing.partner_id.commercial_partner_id == owner:
            raise UserError(
                self.env._(
                    "You registered this unit already (%(registration)s).",
                    registration=existing.name,
                )
            )
        raise UserError(
            self.env._(
                "This unit is already registered to another customer. If you "
                "bought it from its first owner, or think this is a mistake, "
                "please call us."
            )
        )

    @api.model
    def _aftersales_proof_attachments(self, files):
        """Commands that attach the invoice ``files`` (name, data, mimetype)."""
        return [
            Command.create(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": self._name,
                }
            )
            for name, data, mimetype in files
        ]

    @api.model
    def _aftersales_portal_register(self, form, partner, files):
        """Register ``partner``'s purchase from the portal ``form`` with the
        invoice ``files`` [(name, data)]: a registration waiting for an agent
        to check its proof. All or nothing."""
        if not files:
            raise UserError(
                self.env._(
                    "Add a photo or a PDF of the invoice: it proves the purchase."
                )
            )
        checked = [
            (
                *checked_file(
                    self.env, name, data, uploads.IMAGES_AND_PDF, self.env.company
                ),
                data,
            )
            for name, data in files
        ]
        vals = self._aftersales_portal_vals(form, partner)
        vals["proof_attachment_ids"] = self._aftersales_proof_attachments(
            [(name, data, mimetype) for name, mimetype, data in checked]
        )
        with self.env.cr.savepoint():
            registration = self.create(vals)
            registration.proof_attachment_ids.write({"res_id": registration.id})
        return registration

    def _aftersales_portal_add_proof(self, files):
        """The customer sends another invoice for a proof that was rejected (or
        never given): it waits for a check again."""
        self.ensure_one()
        if self.proof_state not in ("rejected", False) or self.has_proof:
            raise UserError(
                self.env._("The proof of this unit is not to be sent again.")
            )
        if not files:
            raise UserError(self.env._("Add a photo or a PDF of the invoice."))
        checked = [
            (
                *checked_file(
                    self.env, name, data, uploads.IMAGES_AND_PDF, self.company_id
                ),
                data,
            )
            for name, data in files
        ]
        with self.env.cr.savepoint():
            self.write(
                {
                    "proof_attachment_ids": self._aftersales_proof_attachments(
                        [(name, data, mimetype) for name, mimetype, data in checked]
                    ),
                    "proof_state": "to_verify",
                    "proof_rejection_reason": False,
                }
            )
            self.proof_attachment_ids.filtered(lambda a: not a.res_id).write(
                {"res_id": self.id}
            )
        return True

    # ---------------------------------------------------------------------------
    # the public warranty check
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_public_check(self, serial):
        """What the public page may say about the units registered with the
        serial number ``serial`` (case does not matter): for each, the product,
        its kind of warranty period, the months, the last covered day, today's
        state and the state of its proof. Nothing about its owner. An unknown
        serial number and one that is not registered both give ``[]``."""
        serial = (serial or "").strip()
        if not serial or len(serial) > MAX_SERIAL:
            return []
        # sudo: the public page reads the registered units, and returns only
        # the product, the period and its dates, never the customer
        registrations = self.sudo().search(
            [
                ("lot_id.name", "=ilike", escape_psql(serial)),
                ("company_id", "=", self.env.company.id),
            ],
            limit=5,
        )
        kinds = dict(
            self.env["aftersales.warranty.policy"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        answers = []
        for registration in registrations:
            kind = registration.policy_id.kind
            answers.append(
                {
                    "product": registration.product_id.with_context(
                        display_default_code=False
                    ).display_name,
                    "kind": kind or False,
                    "kind_label": kinds.get(kind, "") if kind else "",
                    "months": registration.warranty_months,
                    "covered_through": registration.warranty_end_date,
                    "state": registration.warranty_state,
                    "proof_state": registration.proof_state or False,
                }
            )
        return answers
