# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The repair's end (SPEC §4.8): the last of the request's work done completes
the repair, and the unit's file records it."""

from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .test_repair_quote import QuoteCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestRepairCompletion(QuoteCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._stock(cls.capacitor, 10)

    def test_the_repair_order_done_last_completes_the_repair(self):
        lot = self._lot("AC-T-END-1")
        registration = self._register(lot=lot)
        self.assertEqual(registration.service_status, "in_use")
        ticket = self._decided_ticket(date(2026, 3, 1), lot_id=lot.id)  # covered
        self.assertEqual(ticket.warranty_registration_id, registration)
        self.assertEqual(registration.service_status, "in_repair")
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )
        order.with_user(self.zhang.user_id).action_check_in()
        # not fixable on site: the unit goes to the repair centre
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        self._consent(repair)
        # the engineer takes the unit back to the repair centre
        self._finish_visit(order, self.zhang.user_id, result="taken_back")
        self.assertNotEqual(ticket.repair_state, "done")  # the repair is open
        self.assertEqual(registration.service_status, "in_repair")
        ticket.action_unit_received()  # at the repair centre
        repair.action_repair_start()
        repair.action_assign()
        # the repaired unit goes back once the QC inspector passed it
        with self.assertRaisesRegex(UserError, "QC inspector"):
            repair.action_repair_end()
        repair.with_user(self.repairer).action_aftersales_qc_request()
        self.assertEqual(repair.aftersales_qc_state, "to_check")
        ticket.with_user(self.qc_inspector).action_qc_pass()
        with freeze_time("2026-09-30 08:00:00"):
            repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertEqual(ticket.solved_date, datetime(2026, 9, 30, 8, 0))
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(ticket.repair_done_date, datetime(2026, 9, 30, 8, 0))
        self.assertTrue(ticket.closed)
        self.assertEqual(registration.service_status, "repaired")
        self.assertEqual(registration.last_service_date, date(2026, 9, 30))
        self.assertEqual(registration.last_service_ticket_id, ticket)

    def test_an_open_repair_order_keeps_the_request_open(self):
        ticket = self._decided_ticket(date(2026, 3, 1))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        self.assertTrue(ticket._aftersales_has_open_work())
        repair.action_repair_cancel()
        self.assertFalse(ticket._aftersales_has_open_work())
        # a repair without a service request completes nothing
        other = self.env["repair.order"].create(
            {
                "product_id": self.product.id,
                "lot_id": self._lot("AC-T-END-2").id,
                "partner_id": self.customer.id,
            }
        )
        other.action_repair_start()
        other.action_repair_end()
        self.assertEqual(other.state, "done")
