# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registrations: one record per sold unit (by hand and from deliveries)."""

from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestRegistration(WarrantyCommon):
    def test_entered_by_hand_in_the_form(self):
        lot = self._lot("AC-T-FORM")
        registration_model = self.env["aftersales.warranty.registration"]
        with Form(registration_model.with_user(self.agent)) as form:
            form.partner_id = self.customer
            self.assertEqual(form.partner_phone, self.customer.phone)
            form.product_id = self.product
            form.lot_id = lot
            form.purchase_date = date(2026, 3, 1)
            form.proof_reference = "INV-FORM"
            form.sales_channel = "store"
        registration = form.record
        self.assertTrue(registration.name.startswith("WR"))
        self.assertEqual(registration.partner_phone, "+8613700000001")
        self.assertEqual(registration.warranty_end_date, date(2027, 3, 1))
        self.assertEqual(registration.warranty_state, "in_warranty")
        self.assertEqual(registration.origin, "manual")
        self.assertIn("AC-T-FORM", registration.display_name)

    def test_one_registration_per_product_and_serial(self):
        lot = self._lot("AC-T-UNIQUE")
        self._register(lot)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._register(lot).flush_recordset()

    def test_bad_input_is_refused_and_nothing_is_saved(self):
        registration_model = self.env["aftersales.warranty.registration"]
        before = registration_model.search_count([])
        with self.assertRaises(ValidationError):  # tracked product, no serial
            self._register()
        other_lot = self._lot("RC-T-OTHER", self.custom_unit)
        with self.assertRaises(ValidationError):  # a serial of another product
            self._register(other_lot, product=self.product)
        with self.assertRaises(ValidationError):
            self._register(self._lot("AC-T-FUTURE"), purchase_date=date(2026, 10, 1))
        with self.assertRaises(UserError) as error:
            self._register(self._lot("AC-T-PHONE"), partner_phone="12345")
        self.assertIn("not a valid phone number", str(error.exception))
        self.assertEqual(registration_model.search_count([]), before)

    def test_warranty_state_and_its_search(self):
        valid = self._register(self._lot("AC-T-S1"))
        expired = self._register(self._lot("AC-T-S2"), purchase_date=date(2025, 9, 1))
        no_proof = self._register(self._lot("AC-T-S3"), proof_reference=False)
        attachment = self.env["ir.attachment"].create(
            {"name": "receipt.pdf", "raw": b"%PDF receipt"}
        )
        with_scan = self._register(
            self._lot("AC-T-S4"),
            proof_reference=False,
            proof_attachment_ids=[Command.set(attachment.ids)],
        )
        self.assertEqual(
            (valid + expired + no_proof + with_scan).mapped("warranty_state"),
            ["in_warranty", "expired", "no_proof", "in_warranty"],
        )
        # the last covered day is inclusive
        self.assertEqual(expired.warranty_end_date, date(2026, 9, 1))
        registrations = self.env["aftersales.warranty.registration"]
        mine = [("lot_id.name", "like", "AC-T-S")]
        self.assertEqual(
            registrations.search(mine + [("warranty_state", "=", "in_warranty")]),
            valid + with_scan,
        )
        self.assertEqual(
            registrations.search(
                mine + [("warranty_state", "in", ["expired", "no_proof"])]
            ),
            expired + no_proof,
        )
        self.assertEqual(
            registrations.search(mine + [("warranty_state", "!=", "in_warranty")]),
            expired + no_proof,
        )

    def _deliver(self, lot, partner=None, in_stock=False, **picking_vals):
        if not in_stock:
            self._stock(self.product, lot=lot)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "location_id": self.stock_location.id,
                "location_dest_id": self.customers.id,
                "partner_id": (partner or self.customer).id,
                "origin": "SO-T-42",
                "move_ids": [
                    Command.create(
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product.uom_id.id,
                            "location_id": self.stock_location.id,
                            "location_dest_id": self.customers.id,
                        }
                    )
                ],
                **picking_vals,
            }
        )
        picking.action_confirm()
        picking.action_assign()
        self.assertEqual(picking.move_line_ids.lot_id, lot)
        return self._validate(picking.with_user(self.warehouse_user))

    def test_delivered_serial_numbers_are_registered(self):
        lot = self._lot("AC-T-DELIVERED")
        picking = self._deliver(lot)
        registration = self.env["aftersales.warranty.registration"].search(
            [("lot_id", "=", lot.id)]
        )
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.partner_id, self.customer)
        self.assertEqual(registration.purchase_date, date(2026, 9, 28))
        self.assertEqual(registration.proof_reference, "SO-T-42")
        self.assertEqual(registration.origin, "delivery")
        self.assertEqual(registration.picking_id, picking)
        self.assertEqual(registration.warranty_end_date, date(2027, 9, 28))
        # the unit comes back and leaves again: still one registration
        back = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "location_id": self.customers.id,
                "location_dest_id": self.stock_location.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product.uom_id.id,
                            "location_id": self.customers.id,
                            "location_dest_id": self.stock_location.id,
                        }
                    )
                ],
            }
        )
        back.action_confirm()
        back.move_ids.move_line_ids.lot_id = lot
        self._validate(back)
        self._deliver(lot, in_stock=True)
        self.assertEqual(
            self.env["aftersales.warranty.registration"].search_count(
                [("lot_id", "=", lot.id)]
            ),
            1,
        )

    def test_deliveries_are_not_registered_when_switched_off(self):
        self.company.aftersales_register_deliveries = False
        lot = self._lot("AC-T-NOREG")
        self._deliver(lot)
        self.assertFalse(
            self.env["aftersales.warranty.registration"].search(
                [("lot_id", "=", lot.id)]
            )
        )

    def test_ticket_finds_the_registered_unit(self):
        lot = self._lot("AC-T-TICKET")
        registration = self._register(lot, purchase_date=date(2026, 2, 1))
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "By serial",
                "description": "d",
                "product_id": self.product.id,
                "lot_id": lot.id,
                "partner_id": self.customer.id,
            }
        )
        self.assertEqual(ticket.warranty_registration_id, registration)
        # the purchase data of the request is completed from the registration
        self.assertEqual(ticket.purchase_date, date(2026, 2, 1))
        self.assertEqual(ticket.proof_reference, "INV-T-1")
        self.assertEqual(registration.ticket_count, 1)
        # a customer with a single unit of the product: found without serial
        accessory = self._register(product=self.remote, purchase_date=date(2026, 8, 1))
        other = self.env["helpdesk.ticket"].create(
            {
                "name": "By customer",
                "description": "d",
                "product_id": self.remote.id,
                "partner_id": self.customer.id,
            }
        )
        self.assertEqual(other.warranty_registration_id, accessory)
        # with two units of the product, the agent chooses
        self._register(product=self.remote, purchase_date=date(2026, 9, 1))
        third = self.env["helpdesk.ticket"].create(
            {
                "name": "Two units",
                "description": "d",
                "product_id": self.remote.id,
                "partner_id": self.customer.id,
            }
        )
        self.assertFalse(third.warranty_registration_id)
        action = registration.action_view_tickets()
        self.assertEqual(self.env["helpdesk.ticket"].search(action["domain"]), ticket)
