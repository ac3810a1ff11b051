# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Repair quotes on Odoo's repair and sale documents (SPEC §4, §5)."""

import json
from datetime import date, timedelta

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, freeze_time, tagged

from .common import WarrantyCommon

#: a 1x1 PNG: the customer's signature
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


class QuoteCommon(WarrantyCommon):
    def _decided_ticket(self, purchase_date, **vals):
        ticket = self._create_repair(purchase_date=purchase_date, **vals)
        ticket.with_user(self.agent).action_warranty_confirm()
        return ticket

    def _repair(self, ticket, parts=(), **vals):
        action = ticket.with_user(self.repairer).action_create_repair()
        with Form(
            self.env["repair.order"]
            .with_user(self.repairer)
            .with_context(**action["context"])
        ) as form:
            self.assertEqual(form.helpdesk_ticket_id, ticket)
            self.assertEqual(form.partner_id, ticket.partner_id)
            for name, value in vals.items():
                setattr(form, name, value)
            for product, quantity, exclusion in parts:
                with form.move_ids.new() as line:
                    line.repair_line_type = "add"
                    line.product_id = product
                    line.product_uom_qty = quantity
                    if exclusion:
                        line.aftersales_exclusion_id = exclusion
        return form.record

    def _line(self, order, product):
        return order.order_line.filtered(lambda line: line.product_id == product)

    def _consent(self, repair, how="in_person", user=None):
        """The customer agrees to the parts, recorded with the wizard."""
        action = repair.with_user(
            user or self.repairer
        ).action_aftersales_record_consent()
        model = self.env[action["res_model"]].with_user(user or self.repairer)
        with Form(model.with_context(**action["context"])) as form:
            form.how = how
        form.record.action_apply()


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestRepairQuote(QuoteCommon):
    def test_a_quote_blocks_work_until_the_customer_accepts_it(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        self.assertEqual(ticket.warranty_decision, "expired")
        repair = self._repair(
            ticket,
            parts=[(self.capacitor, 2, None)],
            labour_hours=1.5,
            travel_quantity=1,
        )
        self.assertFalse(repair.under_warranty)
        self.assertTrue(repair.quote_required)
        self.assertEqual(repair.quote_state, "to_quote")
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("no quote was made", str(error.exception))
        self.assertEqual(repair.state, "draft")
        repair.action_create_sale_order()
        order = repair.sale_order_id
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.validity_date, date(2026, 10, 28))
        labour = self.env.ref("aftersales_warranty.product_repair_labour")
        travel = self.env.ref("aftersales_warranty.product_travel_fee")
        self.assertEqual(
            [
                (line.product_id, line.product_uom_qty, line.price_unit)
                for line in order.order_line.sorted(lambda sol: sol.product_id.id)
            ],
            sorted(
                [
                    (self.capacitor, 2, 40.0),
                    (labour, 1.5, 120.0),
                    (travel, 1, 80.0),
                ],
                key=lambda t: t[0].id,
            ),
        )
        self.assertEqual(order.amount_untaxed, 2 * 40 + 1.5 * 120 + 80)
        self.assertEqual(repair.quote_state, "draft")
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("waits for the after-sales supervisor", str(error.exception))
        self._approve(order)
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("was not sent yet", str(error.exception))
        order.action_quotation_sent()
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("has not accepted", str(error.exception))
        # the labour estimate changes while the quote waits: the quote follows
        repair.labour_hours = 2
        self.assertEqual(self._line(order, labour).product_uom_qty, 2)
        # a dearer quote than the supervisor approved is approved again
        self.assertEqual(order.aftersales_approval_state, "to_approve")
        self._approve(order)
        # the customer accepts by e-mail; the agent records it
        repair.action_quote_accepted()
        self.assertEqual(order.state, "sale")
        self.assertEqual(repair.quote_state, "accepted")
        # accepting the quote is consenting to the parts it lists
        self.assertEqual(repair.move_ids.aftersales_consent_how, "quote")
        self.assertTrue(repair.move_ids.aftersales_consent_charged)
        self.assertFalse(repair.aftersales_blocker)
        self.assertIn(
            order.name, " ".join(ticket.message_ids.mapped("body")), "ticket told"
        )
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_an_expired_or_refused_quote_keeps_blocking(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair.action_create_sale_order()
        order = repair.sale_order_id
        self._approve(order)
        order.action_quotation_sent()
        order.validity_date = date(2026, 9, 27)
        self.assertEqual(repair.quote_state, "expired")
        with self.assertRaises(UserError) as error:
            repair.action_quote_accepted()
        self.assertIn("expired on 2026-09-27", str(error.exception))
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("expired before the customer accepted", str(error.exception))
        repair.action_quote_refused()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(repair.quote_state, "refused")
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("refused", str(error.exception))
        self.assertEqual(repair.state, "draft")

    def test_covered_and_charged_parts_on_one_repair(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        repair = self._repair(
            ticket,
            parts=[(self.capacitor, 1, None), (self.battery, 2, self.consumable)],
            labour_hours=1,
            travel_quantity=1,
        )
        self.assertTrue(repair.under_warranty)
        capacitor, battery = repair.move_ids.sorted(lambda m: m.product_id.id)
        if capacitor.product_id != self.capacitor:
            capacitor, battery = battery, capacitor
        self.assertTrue(capacitor.aftersales_warranty_covered)
        self.assertFalse(battery.aftersales_warranty_covered)
        # the charged battery needs the customer's acceptance
        self.assertTrue(repair.quote_required)
        repair.action_create_sale_order()
        order = repair.sale_order_id
        self.assertEqual(self._line(order, self.capacitor).price_unit, 0.0)
        self.assertEqual(self._line(order, self.battery).price_unit, 10.0)
        labour = self.env.ref("aftersales_warranty.product_repair_labour")
        self.assertEqual(self._line(order, labour).price_unit, 0.0)
        self.assertEqual(order.amount_untaxed, 20.0)
        # the battery turns out to be covered after all: it becomes free
        battery.aftersales_exclusion_id = False
        self.assertTrue(battery.aftersales_warranty_covered)
        self.assertEqual(self._line(order, self.battery).price_unit, 0.0)
        self.assertFalse(repair.quote_required)
        # and charged again
        battery.aftersales_exclusion_id = self.consumable
        self.assertEqual(self._line(order, self.battery).price_unit, 10.0)

    def test_a_fully_covered_repair_starts_once_the_customer_agreed(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)], labour_hours=1)
        self.assertFalse(repair.quote_required)
        self.assertEqual(repair.quote_state, "not_needed")
        # free parts too are replaced only with the customer's consent
        self.assertTrue(repair.aftersales_consent_pending)
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("has not agreed yet", str(error.exception))
        self.assertIn("Test Capacitor (1 Units)", str(error.exception))
        self._consent(repair, how="phone")
        move = repair.move_ids
        self.assertEqual(
            (move.aftersales_consent_how, move.aftersales_consent_user_id),
            ("phone", self.repairer),
        )
        self.assertEqual(move.aftersales_consent_qty, 1)
        self.assertIn("By Phone", ticket.message_ids[0].body)
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_no_work_before_the_decision(self):
        ticket = self._create_repair()
        self.assertFalse(ticket.warranty_decision)
        with self.assertRaises(UserError):
            ticket.with_user(self.repairer).action_create_repair()
        repair = self.env["repair.order"].create(
            {
                "helpdesk_ticket_id": ticket.id,
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": self.lot.id,
            }
        )
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("warranty decision", str(error.exception))

    def test_a_charged_repair_cannot_cover_a_part(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        with self.assertRaises(ValidationError):
            repair.move_ids.aftersales_warranty_covered = True
        with self.assertRaises(UserError):
            repair.labour_hours = -1

    def test_a_manager_override_makes_the_quote_free(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)], labour_hours=1)
        repair.action_create_sale_order()
        order = repair.sale_order_id
        self.assertEqual(order.amount_untaxed, 40.0 + 120.0)
        wizard = (
            self.env["helpdesk.ticket.warranty.override"]
            .with_user(self.manager)
            .create(
                {
                    "ticket_id": ticket.id,
                    "decision": "in_warranty",
                    "reason": "Known defect of the batch.",
                }
            )
        )
        wizard.action_apply()
        self.assertTrue(repair.under_warranty)
        self.assertEqual(order.amount_untaxed, 0.0)
        self.assertFalse(repair.quote_required)


@tagged("post_install", "-at_install")
class TestQuotePortal(QuoteCommon, HttpCase):
    """The customer answers the quote on the portal (Odoo's sale portal)."""

    def _sent_quote(self):
        today = fields.Date.today()
        ticket = self._decided_ticket(
            today - timedelta(days=800),
            requested_service_date=fields.Datetime.now() + timedelta(days=1),
        )
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair.action_create_sale_order()
        order = repair.sale_order_id
        self.assertTrue(order.require_signature)
        order.require_payment = False  # the signature alone confirms it
        self._approve(order)
        order.action_quotation_sent()
        order._portal_ensure_token()
        return repair, order

    def test_accepted_on_the_portal(self):
        repair, order = self._sent_quote()
        response = self.url_open(
            f"/my/orders/{order.id}/accept",
            data=json.dumps(
                {
                    "params": {
                        "access_token": order.access_token,
                        "name": "Test Customer",
                        "signature": SIGNATURE,
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json().get("error"), None, response.json())
        self.assertNotIn("error", response.json()["result"], response.json())
        order.invalidate_recordset()
        repair.invalidate_recordset()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signed_by, "Test Customer")
        self.assertEqual(repair.quote_state, "accepted")
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_refused_on_the_portal(self):
        repair, order = self._sent_quote()
        self.authenticate(None, None)
        response = self.url_open(
            f"/my/orders/{order.id}/decline",
            data={
                "access_token": order.access_token,
                "decline_message": "Too expensive, I keep it as it is.",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        order.invalidate_recordset()
        repair.invalidate_recordset()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(repair.quote_state, "refused")
        with self.assertRaises(UserError):
            repair.action_repair_start()
