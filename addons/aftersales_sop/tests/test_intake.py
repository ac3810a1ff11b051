# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake and classification (SPEC §2)."""

from datetime import date, datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")  # Monday 10:00 in Beijing
class TestIntake(AftersalesSopCommon):
    def test_phone_is_normalized_to_e164(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {"name": "n1", "description": "d", "partner_phone": "138 0013 8000"},
                {"name": "n2", "description": "d", "partner_phone": "(021) 6532-1234"},
                {
                    "name": "n3",
                    "description": "d",
                    "partner_phone": "+33 1 42 68 53 00",
                },
                {
                    "name": "n4",
                    "description": "d",
                    "partner_phone": "0086 138-0013-8000",
                },
            ]
        )
        self.assertEqual(
            tickets.mapped("partner_phone"),
            ["+8613800138000", "+862165321234", "+33142685300", "+8613800138000"],
        )
        tickets[0].partner_phone = "139 1722 4455"
        self.assertEqual(tickets[0].partner_phone, "+8613917224455")

    def test_bad_phone_is_refused_and_nothing_is_saved(self):
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search_count([])
        for bad in ("12345", "not a phone", "+86 138 0013 8000 999 999"):
            with self.subTest(number=bad), self.assertRaises(UserError) as error:
                Ticket.create({"name": "x", "description": "d", "partner_phone": bad})
            self.assertIn(bad, str(error.exception))
            self.assertIn("not a valid phone number", str(error.exception))
        self.assertEqual(Ticket.search_count([]), before)
        ticket = Ticket.create(
            {"name": "x", "description": "d", "partner_phone": "13800138000"}
        )
        with self.assertRaises(UserError):
            ticket.write({"partner_phone": "12", "name": "changed"})
        self.assertEqual(ticket.partner_phone, "+8613800138000")
        self.assertEqual(ticket.name, "x")

    def test_default_region_is_the_company_country(self):
        self.company.country_id = self.env.ref("base.fr")
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "x", "description": "d", "partner_phone": "01 42 68 53 00"}
        )
        self.assertEqual(ticket.partner_phone, "+33142685300")

    def test_each_company_reads_numbers_in_its_own_country(self):
        french = self.env["res.company"].create(
            {"name": "Service France", "country_id": self.env.ref("base.fr").id}
        )
        Ticket = self.env["helpdesk.ticket"]
        here = Ticket.create({"name": "cn", "description": "d"})
        there = Ticket.create(
            {"name": "fr", "description": "d", "company_id": french.id}
        )
        there.partner_phone = "01 42 68 53 00"
        self.assertEqual(there.partner_phone, "+33142685300")
        # a Paris number without prefix is no Chinese number: neither is written
        with self.assertRaises(UserError):
            (here | there).write({"partner_phone": "01 40 20 50 50"})
        self.assertFalse(here.partner_phone)
        self.assertEqual(there.partner_phone, "+33142685300")
        (here | there).write({"partner_phone": "+33 1 40 20 50 50"})
        self.assertEqual((here | there).mapped("partner_phone"), ["+33140205050"] * 2)

    def test_repeat_caller_sees_his_open_and_recent_tickets(self):
        Ticket = self.env["helpdesk.ticket"]
        first = Ticket.create(
            {"name": "first", "description": "d", "partner_phone": "13655550001"}
        )
        other = Ticket.create(
            {"name": "other", "description": "d", "partner_phone": "13655550002"}
        )
        second = Ticket.create(
            {"name": "again", "description": "d", "partner_phone": "+86 136-5555-0001"}
        )
        self.assertEqual(second.caller_ticket_ids, first)
        self.assertEqual(second.caller_ticket_count, 1)
        self.assertNotIn(other, second.caller_ticket_ids)
        self.assertNotIn(second, second.caller_ticket_ids)
        action = second.action_view_caller_tickets()
        self.assertEqual(Ticket.search(action["domain"]), first)
        # a closed ticket older than the window is forgotten
        self.company.aftersales_repeat_caller_days = 0
        first.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        second.invalidate_recordset(["caller_ticket_ids", "caller_ticket_count"])
        with freeze_time("2026-09-29 02:00:00"):
            self.assertFalse(second.caller_ticket_ids)

    def test_class_b_opens_the_repair_flow(self):
        ticket = self._create_repair()
        self.assertEqual(ticket.repair_state, "registered")
        self.assertEqual(ticket.repair_registered_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(ticket.urgency, "urgent")
        self.assertEqual(ticket.priority, "3")
        review = self._clock(ticket, "dispatch_review")
        self.assertEqual(review.state, "running")
        self.assertEqual(review.deadline, datetime(2026, 9, 28, 2, 30))
        activity = ticket.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("aftersales_sop.mail_act_dispatch_review")
            )
        )
        self.assertEqual(activity.user_id, self.dispatcher)
        # an A question becoming a repair request opens the flow then
        question = self.env["helpdesk.ticket"].create(
            {
                "name": "q",
                "description": "d",
                "inquiry_class": "a",
                "team_id": self.team.id,
            }
        )
        self.assertEqual((question.urgency, question.priority), ("normal", "1"))
        self.assertFalse(question.repair_state)
        self.assertFalse(self._clock(question, "dispatch_review"))
        question.inquiry_class = "b"
        self.assertEqual(question.repair_state, "registered")
        self.assertEqual(question.urgency, "urgent")
        self.assertEqual(self._clock(question, "dispatch_review").state, "running")

    def test_class_d_urgency_is_the_agents_call(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "d",
                "description": "d",
                "inquiry_class": "d",
                "urgency": "important",
            }
        )
        self.assertEqual((ticket.urgency, ticket.priority), ("important", "2"))
        ticket.inquiry_class = "c"
        self.assertEqual(ticket.urgency, "normal")

    def test_form_intake(self):
        with Form(self.env["helpdesk.ticket"].with_user(self.agent)) as form:
            form.name = "Heater leaks"
            form.description = "Water under the tank"
            form.team_id = self.team
            form.partner_id = self.customer
            self.assertEqual(form.partner_phone, "+86 137 0000 0001")
            self.assertEqual(form.service_zone_id, self.shanghai)
            self.assertIn("Shanghai-T", form.service_address)
            form.inquiry_class = "b"
            self.assertEqual(form.urgency, "urgent")
            self.assertEqual(form.priority, "3")
            form.product_id = self.product
            form.lot_id = self.lot
            form.purchase_date = date(2026, 5, 1)
        ticket = form.record
        self.assertEqual(ticket.partner_phone, "+8613700000001")
        self.assertEqual(ticket.repair_state, "registered")
        self.assertIn("proof of purchase", ticket.repair_missing_info)
        self.assertNotIn("serial number", ticket.repair_missing_info)

    def test_serial_must_belong_to_the_product(self):
        other = self.env["product.product"].create(
            {"name": "Other", "tracking": "serial", "is_storable": True}
        )
        with self.assertRaises(ValidationError):
            self._create_repair(product_id=other.id)

    def test_dates_in_the_future_are_refused(self):
        with self.assertRaises(ValidationError):
            self._create_repair(purchase_date=date(2026, 9, 29))
        with self.assertRaises(ValidationError):
            self._create_repair(request_date=datetime(2026, 9, 28, 3, 0))

    def test_escalation_to_technical_support(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Warranty of the tank?",
                "description": "d",
                "inquiry_class": "c",
                "team_id": self.team.id,
            }
        )
        self.assertFalse(self._clock(ticket, "escalation"))
        ticket.with_user(self.agent).action_request_escalation()
        clock = self._clock(ticket, "escalation")
        self.assertEqual(clock.state, "running")
        self.assertEqual(clock.deadline, datetime(2026, 9, 28, 3, 0))
        with freeze_time("2026-09-28 02:40:00"):
            ticket.tech_support_user_id = self.tech_support
        self.assertEqual(ticket.escalated_date, datetime(2026, 9, 28, 2, 40))
        self.assertEqual(clock.state, "met")
        self.assertIn(self.tech_support, ticket.activity_ids.user_id)
        repair = self._create_repair()
        with self.assertRaises(UserError):
            repair.action_request_escalation()

    def test_integration_style_ticket_still_works(self):
        """Existing integrations send a title, a description and a contact."""
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "From the shop",
                "description": "<p>Hello</p>",
                "partner_id": self.customer.id,
            }
        )
        self.assertTrue(ticket.number)
        self.assertFalse(ticket.inquiry_class)
        self.assertFalse(ticket.clock_ids)
        self.assertEqual(ticket.priority, "1")
        self.assertEqual(ticket.request_date, datetime(2026, 9, 28, 2, 0))
