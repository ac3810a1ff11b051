# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dispatch flow in the web client."""

from datetime import datetime

from odoo.tests import HttpCase, freeze_time, tagged

from .common import AftersalesSopCommon


# The whole case runs on Monday 28 September 2026, 10:00 in Shanghai (02:00
# UTC), a working day of the test calendar: the engineers' certifications
# (issued 5 January 2026, valid two years) and the request's clocks are then
# the same whatever the day the tests run.
@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestDispatchTour(HttpCase, AftersalesSopCommon):
    def test_dispatch_from_the_ticket_form(self):
        # a complex job registered at 09:00, an hour ago: its 30-minute
        # dispatch review is breached; the senior Zhang is proposed before the
        # junior Liu
        ticket = self._create_repair(
            is_complex=True,
            requested_service_date=datetime(2026, 9, 29, 2, 0),
            repair_registered_date=datetime(2026, 9, 28, 1, 0),
        )
        self.assertTrue(ticket.clock_breached)
        self.assertEqual(self.zhang.certification_ids.state, "valid")
        self.start_tour(
            f"/odoo/aftersales-repairs/{ticket.id}",
            "aftersales_sop_dispatch_tour",
            login=self.dispatcher.login,
        )
        order = ticket.dispatch_order_id
        self.assertEqual(order.engineer_id, self.zhang)
        self.assertEqual(ticket.repair_state, "dispatched")
        self.assertEqual(self._clock(ticket, "dispatch_review").state, "breached")
        self.assertEqual(self._clock(ticket, "onsite").state, "running")
