# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quote gate on every path of the work (SPEC §4): starting the repair,
parts added after the start, finishing the repair, and the engineer's dispatch
order marked done; the customer's consent to every part, free ones included."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .test_repair_quote import QuoteCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestRepairGate(QuoteCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for part in (cls.capacitor, cls.battery, cls.remote):
            cls._stock(part, 10)

    def _accepted(self, repair):
        repair.action_create_sale_order()
        self._approve(repair.sale_order_id)
        repair.sale_order_id.action_quotation_sent()
        repair.action_quote_accepted()
        return repair.sale_order_id

    def _add_part(self, repair, product, quantity=1, exclusion=None):
        with (
            Form(repair.with_user(self.repairer)) as form,
            form.move_ids.new() as line,
        ):
            line.repair_line_type = "add"
            line.product_id = product
            line.product_uom_qty = quantity
            if exclusion:
                line.aftersales_exclusion_id = exclusion
        return repair.move_ids.filtered(lambda m: m.product_id == product)

    def _end(self, repair):
        """The engineer finishes the repair with the parts used."""
        repair.action_assign()
        self.assertEqual(
            repair.move_ids.mapped("quantity"),
            repair.move_ids.mapped("product_uom_qty"),
        )
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")

    def _dispatch(self, ticket):
        """The engineer is sent and is on site: his job can be done."""
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )
        order.action_check_in()
        return order

    def test_a_charged_part_added_after_the_start_waits_for_consent(self):
        ticket = self._decided_ticket(date(2025, 1, 5))  # expired: charged
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        order = self._accepted(repair)
        repair.action_repair_start()
        # on site, the engineer finds a second part to replace
        battery = self._add_part(repair, self.battery, 2)
        self.assertTrue(battery.aftersales_consent_pending)
        self.assertEqual(self._line(order, self.battery).price_unit, 10.0)
        self.assertEqual(repair.quote_state, "accepted")
        self.assertIn("Test Remote Battery (2 Units)", repair.aftersales_blocker)
        with self.assertRaises(UserError) as error:
            repair.action_repair_end()
        self.assertIn("cannot be finished", str(error.exception))
        self.assertEqual(repair.state, "under_repair")
        # the customer agrees on the phone to pay for it
        self._consent(repair, how="phone")
        self.assertTrue(battery.aftersales_consent_charged)
        self.assertIn("Test Remote Battery", order.message_ids[0].body)
        self._end(repair)

    def test_a_free_part_added_after_the_start_needs_consent_too(self):
        ticket = self._decided_ticket(date(2026, 3, 1))  # in warranty
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        self._consent(repair)
        repair.action_repair_start()
        remote = self._add_part(repair, self.remote)
        self.assertTrue(remote.aftersales_warranty_covered)
        with self.assertRaises(UserError):
            repair.action_repair_end()
        self._consent(repair, how="signed")
        # more of a part than agreed: agreed again
        repair.move_ids.filtered(lambda m: m.product_id == self.capacitor).write(
            {"product_uom_qty": 3}
        )
        self.assertIn("Test Capacitor (3 Units)", repair.aftersales_blocker)
        self._consent(repair)
        self._end(repair)

    def test_a_covered_part_that_becomes_charged_is_agreed_again(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        repair = self._repair(
            ticket,
            parts=[(self.capacitor, 1, None), (self.battery, 1, self.consumable)],
        )
        order = self._accepted(repair)
        repair.action_repair_start()
        capacitor = repair.move_ids.filtered(lambda m: m.product_id == self.capacitor)
        self.assertEqual(self._line(order, self.capacitor).price_unit, 0.0)
        # the engineer finds water in the unit: the capacitor is not covered
        capacitor.aftersales_exclusion_id = self.water
        self.assertEqual(self._line(order, self.capacitor).price_unit, 40.0)
        self.assertTrue(capacitor.aftersales_consent_pending)
        with self.assertRaises(UserError):
            repair.action_repair_end()
        self._consent(repair)
        self._end(repair)

    def test_a_charged_part_without_an_accepted_quote_cannot_be_agreed_alone(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        repair = self._repair(ticket, parts=[(self.battery, 1, self.consumable)])
        self.assertTrue(repair.quote_required)
        wizard = (
            self.env["repair.order.part.consent"]
            .with_user(self.repairer)
            .create({"repair_id": repair.id, "how": "phone"})
        )
        self.assertIn("charged", wizard.part_summary)
        with self.assertRaises(UserError) as error:
            wizard.action_apply()
        self.assertIn("by accepting the quote", str(error.exception))

    def test_the_visit_waits_for_the_quote(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        order = self._dispatch(ticket)
        engineer = self.zhang.user_id
        # not covered, and nothing accepted: the engineer does not start
        with self.assertRaises(UserError) as error:
            self._finish_visit(order, engineer)
        self.assertIn("is not covered (Expired)", str(error.exception))
        self.assertIn("accepts a fee or a quote", str(error.exception))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        with self.assertRaises(UserError):
            self._finish_visit(order, engineer)
        self.assertEqual(order.state, "on_site")
        # the dispatch order's own gate says the same
        self.assertIn("no quote was made", ticket._aftersales_work_blocker())
        self._accepted(repair)
        self._finish_visit(order, engineer)
        self.assertEqual(order.state, "done")

    def test_a_parts_change_holds_the_dispatch_order_back(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        order = self._dispatch(ticket)
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        with self.assertRaises(UserError) as error:
            self._finish_visit(order)
        self.assertIn("has not agreed yet", str(error.exception))
        self._consent(repair)
        self._finish_visit(order)
        self.assertEqual(order.state, "done")

    def test_an_undecided_request_is_surveyed_not_repaired(self):
        ticket = self._create_repair(lot_id=self._lot("AC-T-GATE-1").id)
        order = self._dispatch(ticket)
        visit = order.current_visit_id.with_user(self.zhang.user_id)
        visit.action_show_id()
        # the diagnosis is free: it often decides the coverage
        visit.write(
            {
                "inspection_note": "The board is wet: water came in.",
                "plan_note": "Replace the control board.",
            }
        )
        with self.assertRaises(UserError) as error:
            visit.action_start_work()
        self.assertIn("is not confirmed yet", str(error.exception))
        self.assertIn("Confirm Warranty", visit.work_waiting_for)
        self.assertFalse(visit.work_start_date)
        # nor is the job done without the decision
        self.assertIn("is not confirmed yet", ticket._aftersales_work_blocker())
        ticket.with_user(self.agent).action_warranty_confirm()
        self.assertFalse(visit.work_waiting_for)
        self._finish_visit(order)
        self.assertEqual(order.state, "done")
        self.assertEqual(ticket.repair_state, "done")

    def test_a_refused_quote_ends_the_visit_without_work(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        order = self._dispatch(ticket)
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair.action_create_sale_order()
        repair.action_quote_refused()
        self.assertIn("refused", repair.aftersales_blocker)
        visit = order.current_visit_id.with_user(self.zhang.user_id)
        visit.action_show_id()
        visit.plan_note = "Replace the capacitor (quote refused)."
        with self.assertRaises(UserError):
            visit.action_start_work()
        # the customer refuses on site: the visit ends without work
        visit.action_refuse_plan()
        visit.write({"no_signature_reason": "Refused.", "checklist_declined": True})
        visit.action_check_out()
        self.assertEqual(order.state, "done")
        repair.action_repair_cancel()
        self.assertEqual(repair.state, "cancel")

    def test_only_what_the_quote_lists_is_agreed(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair.action_create_sale_order()
        # a part added while the quote waits is on the quote when accepted
        repair.write(
            {
                "move_ids": [
                    Command.create(
                        {
                            "repair_line_type": "add",
                            "product_id": self.remote.id,
                            "product_uom_qty": 1,
                        }
                    )
                ]
            }
        )
        self.assertTrue(self._line(repair.sale_order_id, self.remote))
        self._approve(repair.sale_order_id)
        repair.sale_order_id.action_quotation_sent()
        repair.action_quote_accepted()
        self.assertFalse(repair.move_ids.filtered("aftersales_consent_pending"))
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")
