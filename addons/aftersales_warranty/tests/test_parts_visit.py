# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The request's spare parts on the engineer's visit (SPEC §4.7, §6): the parts
he used are consumed when he checks out, once, and the service report lists
them with the parts he wrote on the form himself; without a visit, they are
consumed when the repair completes."""

from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .test_parts import PartsCommon

REPORT = "aftersales_sop.action_report_service_visit"


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestPartsVisit(PartsCommon):
    def _issued(self, ticket, product, quantity=1.0):
        line = self._add(ticket, product, quantity)
        self._as_manager(line).action_aftersales_reserve()
        self._as_manager(line).action_aftersales_issue()
        return line.with_user(self.zhang.user_id)

    def _on_site(self, order):
        """The engineer arrives, shows his ID, explains the plan and starts."""
        visit = order.current_visit_id.with_user(self.zhang.user_id)
        visit.action_check_in()
        visit.action_show_id()
        visit.plan_note = "Replace the worn parts."
        visit.action_start_work()
        return visit

    def _check_out(self, visit, result="fixed", **vals):
        visit.write(
            {
                "result": result,
                "no_signature_reason": "The customer was called away.",
                "checklist_declined": True,
                **vals,
            }
        )
        if result == "fixed":
            visit.action_joint_test_passed()
        visit.action_check_out()

    def _consumed(self, line):
        return line.sudo().move_ids.filtered(
            lambda m: m.aftersales_part_move == "consume" and m.state == "done"
        )

    def _report_html(self, visit):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(REPORT, visit.ids)
        return html.decode()

    def test_the_visit_consumes_the_used_parts_and_its_report_lists_them(self):
        ticket, order = self._dispatched()
        cap = self._issued(ticket, self.cap, 2)
        fan = self._issued(ticket, self.fan)
        lot = fan.sudo().move_ids.move_line_ids.lot_id
        visit = self._on_site(order)
        # on his service form he says he used one capacitor of two
        self.assertEqual(visit.part_line_ids, cap | fan)
        visit.part_line_ids.filtered(lambda line: line == cap).quantity_used = 1
        # and writes a part he had with him, not from the warehouse
        visit.part_ids = [Command.create({"product_id": self.fuse.id, "consent": True})]
        # every used part needs the customer's consent before he leaves
        with self.assertRaises(UserError) as error:
            self._check_out(visit)
        self.assertIn("before you check out", str(error.exception))
        self.assertIn("has not agreed yet", str(error.exception))
        self.assertEqual(self._consumed(cap | fan), self.env["stock.move"])
        action = visit.action_aftersales_parts_consent()
        self.assertEqual(action["context"], {"default_ticket_id": ticket.id})
        self._consent_parts(ticket)
        # before the check-out the report shows what he is about to consume
        expected = [
            {
                "name": "[T-SCAP] Test Spare Capacitor",
                "quantity": 1.0,
                "serial_number": "",
                "consent": True,
                "covered": True,
                "line_id": cap.id,
            },
            {
                "name": "[T-FAN] Test Fan Motor",
                "quantity": 1.0,
                "serial_number": lot.name,
                "consent": True,
                "covered": True,
                "line_id": fan.id,
            },
            {
                "name": "[T-FUSE] Test Fuse",
                "quantity": 1.0,
                "serial_number": "",
                "consent": True,
            },
        ]
        self.assertEqual(visit._aftersales_report_parts(), expected)
        self._check_out(visit)
        # consumed at the check-out, once, the move naming the visit
        self.assertEqual((visit.state, order.state), ("done", "done"))
        self.assertEqual(ticket.repair_state, "done")
        for line, quantity in ((cap, 1), (fan, 1)):
            moves = self._consumed(line)
            self.assertEqual(len(moves), 1)
            self.assertEqual(moves.aftersales_visit_id, visit)
            self.assertEqual(line.qty_consumed, quantity)
        self.assertEqual(self._quant(self.cap, self.customers)[0], 1)
        self.assertEqual(self._quant(self.fan, self.customers, lot)[0], 1)
        self.assertEqual(cap.qty_returning, 1)  # the unused one goes back
        # the report printed later lists the same parts
        self.assertEqual(visit._aftersales_report_parts(), expected)
        html = self._report_html(visit)
        for text in ("Test Spare Capacitor", "Test Fan Motor", lot.name, "Test Fuse"):
            self.assertIn(text, html)

    def test_each_visit_consumes_what_it_used(self):
        ticket, order = self._dispatched()
        cap = self._issued(ticket, self.cap, 3)
        first = self._on_site(order)
        cap.quantity_used = 1
        self._consent_parts(ticket)
        self._check_out(
            first, "next_visit", next_visit_date=datetime(2026, 9, 29, 2, 0)
        )
        self.assertEqual(order.state, "on_site")
        self.assertEqual(self._consumed(cap).aftersales_visit_id, first)
        self.assertEqual((cap.qty_consumed, cap.state), (1, "issued"))
        # the second visit: one more (the customer agreed to three)
        second = self._on_site(order)
        self.assertNotEqual(second, first)
        self.assertEqual(second._aftersales_report_parts(), [])
        cap.quantity_used = 2
        self.assertEqual(second._aftersales_report_parts()[0]["quantity"], 1.0)
        self._check_out(second)
        self.assertEqual(order.state, "done")
        moves = self._consumed(cap)
        self.assertEqual(len(moves), 2)
        self.assertEqual(moves.aftersales_visit_id, first | second)
        self.assertEqual((cap.qty_consumed, cap.qty_returning), (2, 1))
        self.assertEqual(first._aftersales_report_parts()[0]["quantity"], 1.0)
        self.assertEqual(second._aftersales_report_parts()[0]["quantity"], 1.0)

    def test_the_order_done_without_a_last_visit_consumes_the_rest_once(self):
        ticket, order = self._dispatched()
        cap = self._issued(ticket, self.cap, 2)
        first = self._on_site(order)
        cap.quantity_used = 1
        self._consent_parts(ticket)
        self._check_out(
            first, "next_visit", next_visit_date=datetime(2026, 9, 29, 2, 0)
        )
        # the engineer used the other one without a visit; the order is done
        cap.quantity_used = 2
        order.with_user(self.zhang.user_id).action_done()
        self.assertEqual(order.visit_ids.mapped("state"), ["cancel", "done"])
        moves = self._consumed(cap)
        self.assertEqual(sorted(moves.mapped("quantity")), [1, 1])
        self.assertEqual(moves.aftersales_visit_id, first)
        self.assertEqual((cap.qty_consumed, cap.state), (2, "done"))
        self.assertEqual(self._quant(self.cap, self.customers)[0], 2)

    def test_a_visit_without_used_parts_consumes_nothing(self):
        ticket, order = self._dispatched()
        cap = self._issued(ticket, self.cap)
        visit = self._on_site(order)
        cap.quantity_used = 0
        self._check_out(visit)  # no consent needed: nothing used
        self.assertFalse(self._consumed(cap))
        self.assertEqual(visit._aftersales_report_parts(), [])
        self.assertEqual(cap.qty_returning, 1)

    def test_the_repair_order_done_consumes_the_parts_of_a_request_without_visit(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        line = self._add(ticket, self.cap, 2)
        self.assertFalse(line.engineer_id)
        self._as_manager(line).action_aftersales_reserve()
        self._as_manager(line).action_aftersales_issue()
        issued = self.warehouse.aftersales_parts_location_id
        self.assertEqual(self._quant(self.cap, issued), (2, 0))
        line.quantity_used = 1
        repair = self._repair(ticket)
        with self.assertRaises(UserError) as error:
            repair.action_repair_start()
        self.assertIn("has not agreed yet", str(error.exception))
        self._consent_parts(ticket, user=self.agent)
        repair.action_repair_start()
        self.assertFalse(self._consumed(line))
        repair.action_repair_end()
        self.assertEqual(ticket.repair_state, "done")
        moves = self._consumed(line)
        self.assertEqual(len(moves), 1)
        self.assertFalse(moves.aftersales_visit_id)
        self.assertEqual((line.qty_consumed, line.qty_returning), (1, 1))
        self.assertEqual(self._quant(self.cap, self.customers)[0], 1)
