# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index="btree_not_null",
        check_company=True,
        copy=False,
    )
    aftersales_replacement_id = fields.Many2one(
        "aftersales.warranty.replacement",
        string="Replacement",
        index="btree_not_null",
        copy=False,
        readonly=True,
        check_company=True,
    )
    aftersales_loan_id = fields.Many2one(
        "aftersales.warranty.loan",
        string="Loan",
        index="btree_not_null",
        copy=False,
        readonly=True,
        check_company=True,
    )

    @api.constrains(
        "helpdesk_ticket_id", "aftersales_replacement_id", "aftersales_loan_id"
    )
    def _check_aftersales_company(self):
        # stock.picking does not check its links by itself (no
        # _check_company_auto): the after-sales documents are checked here
        self._check_company(
            ["helpdesk_ticket_id", "aftersales_replacement_id", "aftersales_loan_id"]
        )

    def _action_done(self):
        result = super()._action_done()
        done = self.filtered(lambda p: p.state == "done")
        for picking in done.filtered("aftersales_replacement_id"):
            # sudo: the warehouse user validating the transfer may not write the
            # replacement; it follows (and the registration it moves)
            picking.aftersales_replacement_id.sudo()._on_picking_done(picking)
        for picking in done.filtered("aftersales_loan_id"):
            # sudo: the warehouse user may not write the loan; it follows the transfer
            picking.aftersales_loan_id.sudo()._on_picking_done(picking)
        done._aftersales_register_delivered_units()
        return result

    def _aftersales_register_delivered_units(self):
        """A serial number delivered to a customer gets a warranty registration.

        Loans and replacements are deliveries too, but a loaner stays ours and a
        replacement moves the existing registration.
        """
        values = []
        for picking in self:
            if (
                picking.picking_type_code != "outgoing"
                or picking.aftersales_replacement_id
                or picking.aftersales_loan_id
                or not picking.partner_id
                or not picking.company_id.aftersales_register_deliveries
            ):
                continue
            day = fields.Date.context_today(picking, picking.date_done)
            proof = picking._aftersales_proof_reference()
            for line in picking.move_line_ids:
                if (
                    line.lot_id
                    and line.product_id.tracking == "serial"
                    and line.location_dest_id.usage == "customer"
                    and line.quantity > 0
                ):
                    values.append(
                        {
                            "company_id": picking.company_id.id,
                            "partner_id": picking.partner_id.id,
                            "product_id": line.product_id.id,
                            "lot_id": line.lot_id.id,
                            "purchase_date": day,
                            "proof_reference": proof,
                            "sales_channel": "direct",
                            "origin": "delivery",
                            "picking_id": picking.id,
                        }
                    )
        if not values:
            return
        # sudo: the warehouse user who ships the unit registers it, he need not
        # have access to the after-sales registrations
        registrations = self.env["aftersales.warranty.registration"].sudo()
        known = {
            (r.product_id.id, r.lot_id.id)
            for r in registrations.with_context(active_test=False).search(
                [("lot_id", "in", [v["lot_id"] for v in values])]
            )
        }
        new = [v for v in values if (v["product_id"], v["lot_id"]) not in known]
        if new:
            registrations.create(new)

    def _aftersales_proof_reference(self):
        """The invoice of the sale, else the sale order, else the delivery."""
        self.ensure_one()
        # sudo: the warehouse user validating a delivery may not read invoices; only the
        # posted invoice's or the order's name is kept as proof
        sale = self.sudo().sale_id
        invoices = sale.invoice_ids.filtered(lambda i: i.state == "posted")
        return invoices[:1].name or sale.name or self.origin or self.name

    # ---------------------------------------------------------------------------
    # transfers of single units (replacements, loans)
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_create_unit_transfer(
        self, picking_type, source, destination, product, lot, partner, **links
    ):
        """A confirmed transfer of one unit, with its serial number when known.

        ``links`` are extra picking values (ticket, replacement, loan). A unit
        leaving our stock is reserved: if its serial number is not there, the
        user gets Odoo's clear "not available" error.
        """
        # sudo: after-sales staff prepare the transfer, the warehouse validates
        # it with its own rights
        picking = self.sudo().create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "partner_id": partner.id,
                "company_id": picking_type.company_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.display_name,
                            "product_id": product.id,
                            "product_uom": product.uom_id.id,
                            "product_uom_qty": 1.0,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                            "company_id": picking_type.company_id.id,
                        }
                    )
                ],
                **links,
            }
        )
        picking.action_confirm()
        move = picking.move_ids
        if lot:
            move.move_line_ids.unlink()
            # sudo: the serial number is reserved on the transfer made above for
            # staff without stock rights; only the unit named on the document
            self.env["stock.move.line"].sudo().create(
                {
                    "move_id": move.id,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "product_uom_id": product.uom_id.id,
                    "lot_id": lot.id,
                    "quantity": 1.0,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "company_id": picking.company_id.id,
                }
            )
        else:
            picking.action_assign()
        return picking.sudo(False)
