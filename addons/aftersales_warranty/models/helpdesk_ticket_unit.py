# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registered unit a service request is about: found from its serial
number, or from the customer's single unit of the product, within the request's
company; choosing it completes the request's purchase data."""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    warranty_registration_id = fields.Many2one(
        "aftersales.warranty.registration",
        compute="_compute_warranty_registration_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="The registered unit: found from the serial number, or from the "
        "customer when he has a single unit of the product.",
    )

    def _aftersales_complete_repair(self):
        result = super()._aftersales_complete_repair()
        # sudo: the unit's file follows its repairs, whoever completes them
        for ticket in self.filtered("warranty_registration_id").sudo():
            ticket.warranty_registration_id._aftersales_record_service(ticket)
        return result

    @api.depends("lot_id", "product_id", "partner_id", "company_id")
    def _compute_warranty_registration_id(self):
        # sudo: whoever logs a request (even from the portal) gets the unit
        # found, among the units of the request's company
        registrations = self.env["aftersales.warranty.registration"].sudo()
        lots = self.lot_id
        by_unit = {
            (r.company_id, r.product_id, r.lot_id): r
            for r in (
                registrations.search(
                    [
                        ("lot_id", "in", lots.ids),
                        ("company_id", "in", self.company_id.ids),
                    ]
                )
                if lots
                else ()
            )
        }
        for ticket in self:
            found = registrations
            company = ticket.company_id
            if ticket.lot_id:
                found = by_unit.get(
                    (company, ticket.product_id, ticket.lot_id), registrations
                )
            elif ticket.product_id:
                # sudo: the unit chosen by hand, compared with the candidates
                # found above (the customer's own units, read as superuser too)
                current = ticket.sudo().warranty_registration_id
                owner = ticket.partner_id.commercial_partner_id
                candidates = registrations
                if owner:
                    candidates = registrations.search(
                        [
                            ("product_id", "=", ticket.product_id.id),
                            ("partner_id", "child_of", owner.id),
                            ("company_id", "=", company.id),
                        ],
                        limit=2,
                    )
                if len(candidates) == 1:
                    found = candidates
                elif (
                    current.product_id == ticket.product_id
                    and not current.lot_id
                    and current.company_id == company
                    and (not owner or current.partner_id.commercial_partner_id == owner)
                ):
                    found = current  # chosen by hand among several units
            ticket.warranty_registration_id = found.sudo(False)

    @api.constrains("warranty_registration_id", "company_id")
    def _check_warranty_registration_company(self):
        # helpdesk.ticket does not check its links by itself (no
        # _check_company_auto): the registered unit is checked here
        self._check_company(["warranty_registration_id"])

    @api.onchange("warranty_registration_id")
    def _onchange_warranty_registration_id(self):
        self._warranty_fill_from_registration()

    def _warranty_fill_from_registration(self):
        """Complete the purchase data of the request from its registered unit."""
        for ticket in self:
            # sudo: the purchase data of the registered unit fill in the
            # request for an agent (or a portal customer) without its rights
            registration = ticket.sudo().warranty_registration_id
            if not registration:
                continue
            values = {}
            if not ticket.product_id:
                values["product_id"] = registration.product_id.id
            if not ticket.lot_id and registration.lot_id:
                values["lot_id"] = registration.lot_id.id
            if not ticket.partner_id:
                values["partner_id"] = registration.partner_id.id
            if not ticket.purchase_date:
                values["purchase_date"] = registration.purchase_date
            if (
                not ticket.proof_reference
                and registration.proof_reference
                and registration.has_proof
            ):
                values["proof_reference"] = registration.proof_reference
            if values:
                ticket.update(values)
