# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A fault reported on the portal about one of the customer's registered
units (SPEC §12), the registered unit's verified proof as the request's proof
of purchase, and the repair quotes the customer answers on his portal."""

from odoo import api, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _aftersales_portal_units(self, partner):
        """The registered units of ``partner``'s company or household."""
        # sudo: the customer lists his own units (his rule allows it too), and
        # the page shows their product and warranty, which he may not read
        return (
            self.env["aftersales.warranty.registration"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        )

    @api.model
    def _aftersales_portal_unit(self, form, partner):
        unit_id = self._aftersales_portal_int(form.get("aftersales_unit"))
        if not unit_id:
            return super()._aftersales_portal_unit(form, partner)
        unit = self._aftersales_portal_units(partner).filtered(
            lambda r: r.id == unit_id
        )
        if not unit:
            raise UserError(self.env._("Choose one of your units from the list."))
        return {
            "product_id": unit.product_id.id,
            "lot_id": unit.lot_id.id,
            "reported_serial": False,
            "warranty_registration_id": unit.id,
        }

    def _aftersales_has_purchase_proof(self):
        """A registered unit whose proof counts (entered by staff, or verified)
        proves the purchase too."""
        # sudo: the registered unit's proof, whoever reads the request
        return super()._aftersales_has_purchase_proof() or bool(
            self.sudo().warranty_registration_id.has_proof
        )

    def _aftersales_portal_quotes(self):
        """The repair quotes of the request the customer answers on his portal:
        sent to him (approved by the supervisor when they needed it), or
        already accepted."""
        self.ensure_one()
        # sudo: the customer does not read repair orders, only his quotes
        orders = self.sudo().repair_order_ids.sale_order_id
        return orders.filtered(
            lambda o: (
                o.partner_id.commercial_partner_id
                == self.partner_id.commercial_partner_id
                and (
                    o.state == "sale"
                    or (
                        o.state == "sent"
                        and o.aftersales_approval_state in ("not_needed", "approved")
                    )
                )
            )
        )
