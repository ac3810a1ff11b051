# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's side in a real browser at phone size (SPEC §12): the public
warranty check, the login, a purchase registered with a photo of its invoice,
a fault reported with a photo and his time slots, the appointment confirmed,
and the status once the engineer checked in."""

from datetime import datetime

from odoo.tests import Form, HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.aftersales_sop.tests.portal_common import MONDAY_10

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestCustomerTour(HttpCase, WarrantyCommon):
    # a phone: 375 x 667 CSS pixels, touch screen
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.tz = "Asia/Shanghai"
        cls.company.aftersales_appointment_answer_hours = 24
        cls.company.alias_domain_id = cls.env["mail.alias.domain"].create(
            {"name": "aftersales.example.com", "default_from": "notifications"}
        )
        cls.customer_user = new_test_user(
            cls.env,
            login="as_portal_tour",
            password="as_portal_tour",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )
        cls.unit = cls._register(cls.lot)  # his first unit, checked on /warranty
        cls.new_lot = cls._lot("AC-T-TOUR")

    def test_the_customers_side_on_a_phone(self):
        self.start_tour("/warranty", "aftersales_customer_tour")
        # his purchase waits for the agent's check; his request is received
        registration = self.env["aftersales.warranty.registration"].search(
            [("lot_id", "=", self.new_lot.id)]
        )
        self.assertEqual(
            (registration.partner_id, registration.proof_state),
            (self.customer, "to_verify"),
        )
        self.assertEqual(registration.proof_attachment_ids.mimetype, "image/png")
        ticket = registration.ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(
            (ticket.inquiry_class, ticket.repair_state), ("b", "registered")
        )
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertEqual(ticket.attachment_ids.mimetype, "image/png")
        self.assertEqual(len(ticket.slot_ids), 2)
        self.assertEqual(ticket.warranty_suggestion, "no_proof")
        # the agent verifies the invoice: the repair is covered
        registration.with_user(self.agent).action_proof_verify()
        self.assertEqual(ticket.warranty_suggestion, "in_warranty")
        # the dispatcher proposes Wednesday morning, the customer's first slot
        wizard = Form(
            self.env["helpdesk.ticket.dispatch"]
            .with_user(self.dispatcher)
            .with_context(default_ticket_id=ticket.id)
        )
        # (his times are in the zone of his phone, which his first login gave
        # him: the headless browser's)
        wednesday = ticket.slot_ids.sorted("date_start")[0]
        wizard.slot_id = wednesday
        action = wizard.save().action_confirm()
        order = self.env["aftersales.dispatch.order"].browse(action["res_id"])
        self.assertEqual(order.appointment_date, wednesday.date_start)
        self.assertEqual(ticket.appointment_state, "proposed")
        self.start_tour(
            f"/my/ticket/{ticket.id}",
            "aftersales_customer_appointment_tour",
            login="as_portal_tour",
        )
        self.assertEqual(ticket.appointment_state, "confirmed")
        # Wednesday: the engineer calls ahead, then checks in
        with freeze_time("2026-09-30 00:30:00"):
            self.env["aftersales.visit.call"].with_user(order.engineer_user_id).create(
                {
                    "visit_id": order.current_visit_id.id,
                    "eta_date": datetime(2026, 9, 30, 0, 55),
                }
            )
        with freeze_time("2026-09-30 00:55:00"):
            order.with_user(order.engineer_user_id).action_check_in()
            self.start_tour(
                f"/my/ticket/{ticket.id}",
                "aftersales_customer_status_tour",
                login="as_portal_tour",
            )
        self.assertFalse(order.arrived_late)
