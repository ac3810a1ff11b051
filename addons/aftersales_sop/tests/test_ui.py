# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dispatch flow in the web client."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
class TestDispatchTour(HttpCase, AftersalesSopCommon):
    def test_dispatch_from_the_ticket_form(self):
        # a complex job: the senior Zhang is proposed before the junior Liu
        ticket = self._create_repair(
            is_complex=True,
            requested_service_date=fields.Datetime.now() + timedelta(days=1),
            repair_registered_date=fields.Datetime.now() - timedelta(hours=1),
        )
        self.assertTrue(ticket.clock_breached)
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
