# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engineer's visit in the web client on a phone-sized screen."""

from datetime import datetime

from odoo.tests import HttpCase, freeze_time, tagged

from .common import AftersalesSopCommon


# Monday 28 September 2026, 10:00 in Shanghai: a working day of the test
# calendar, whatever the day the tests run.
@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestVisitTour(HttpCase, AftersalesSopCommon):
    # a phone: 375 x 667 CSS pixels, touch screen
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the completed request's stage e-mails the customer: from the
        # company's default sender, also in a database without demo data
        cls.company.alias_domain_id = cls.env["mail.alias.domain"].create(
            {"name": "aftersales.example.com", "default_from": "notifications"}
        )

    def test_the_engineers_visit_on_a_phone(self):
        ticket = self._create_repair()
        self._decide_warranty(ticket)
        order = self.env["aftersales.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "engineer_id": self.zhang.id,
                "appointment_date": datetime(2026, 9, 28, 3, 0),
            }
        )
        visit = order.current_visit_id
        self.start_tour(
            f"/odoo/aftersales-my-visits/{visit.id}",
            "aftersales_sop_visit_tour",
            login=self.zhang.user_id.login,
        )
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.checkin_date)
        self.assertTrue(visit.id_shown_date)
        self.assertEqual(visit.plan_note, "Replace the fan capacitor.")
        self.assertEqual(visit.result, "fixed")
        self.assertTrue(visit.joint_test_passed)
        self.assertTrue(visit.customer_signature)
        self.assertEqual(visit.signed_by, "Test Customer")
        self.assertEqual(visit.checklist_id.overall_score, "9")
        self.assertEqual(visit.checklist_id.method, "service_form")
        self.assertTrue(visit.report_attachment_id)
        self.assertEqual(order.state, "done")
        self.assertEqual(ticket.repair_state, "done")
        self.assertFalse(order.arrived_late)
