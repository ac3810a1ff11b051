# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The repair's end, response compliance, the specialist roles, staff without
an e-mail address, and links across companies."""

from datetime import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestRepairEnd(AftersalesSopCommon):
    def _order(self, ticket, engineer):
        return self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": engineer.id}
        )

    # -- the repair's end ------------------------------------------------------------

    def test_the_last_dispatch_order_done_completes_the_repair(self):
        ticket = self._create_repair()
        first = self._order(ticket, self.zhang)
        second = self._order(ticket, self.liu)  # a second visit, still open
        engineer = self.zhang.user_id
        with self.assertRaises(UserError):  # not on site yet
            first.with_user(engineer).action_done()
        first.with_user(engineer).action_check_in()
        with freeze_time("2026-09-28 04:00:00"):
            self._finish_visit(first, engineer)
        self.assertEqual(first.state, "done")
        self.assertNotEqual(ticket.repair_state, "done")
        self.assertFalse(ticket.repair_done_date)
        second.with_user(self.liu.user_id).action_check_in()
        with freeze_time("2026-09-28 06:00:00"):
            self._finish_visit(second, self.liu.user_id)
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(ticket.repair_done_date, datetime(2026, 9, 28, 6, 0))
        self.assertEqual(
            ticket.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        )
        self.assertTrue(ticket.closed)
        self.assertEqual(self._clock(ticket, "resolution").state, "met")
        # follow-ups count from the completion: it is a clock event
        events = ticket._aftersales_clock_events()
        self.assertEqual(events["repair_completed"][1], "repair_done_date")

    def test_a_team_stage_for_completed_repairs_is_preferred(self):
        finished = self.env["helpdesk.ticket.stage"].create(
            {
                "name": "Repaired",
                "sequence": 0,
                "closed": True,
                "aftersales_repair_done": True,
                "team_ids": [(4, self.other_team.id)],
            }
        )
        ticket = self._create_repair(team_id=self.other_team.id)
        order = self._order(ticket, self.chen)
        order.with_user(self.chen.user_id).action_check_in()
        self._finish_visit(order, self.chen.user_id)
        self.assertEqual(ticket.stage_id, finished)
        # another team's request does not go to that stage
        other = self._create_repair()
        order = self._order(other, self.zhang)
        order.with_user(self.zhang.user_id).action_check_in()
        self._finish_visit(order, self.zhang.user_id)
        self.assertNotEqual(other.stage_id, finished)

    # -- first-response compliance ----------------------------------------------------

    def test_responded_in_time_is_the_company_threshold_whatever_the_channel(self):
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        self.assertEqual(phone.response_target_seconds, 10)
        Ticket = self.env["helpdesk.ticket"]

        def consultation(seconds):
            ticket = Ticket.create(
                {
                    "name": "How do I clean the filter?",
                    "description": "d",
                    "inquiry_class": "a",
                    "channel_id": phone.id,
                    "team_id": self.team.id,
                }
            )
            with freeze_time(f"2026-09-28 02:00:{seconds:02d}"):
                ticket.with_user(self.agent).action_record_first_response()
            return ticket

        quick = consultation(25)
        self.assertEqual(quick.response_seconds, 25)
        self.assertTrue(quick.responded_in_time)  # within 30 s
        self.assertFalse(quick.response_within_channel_target)  # not 3 rings
        slow = consultation(40)
        self.assertFalse(slow.responded_in_time)
        # stored: lists and reports group by it
        groups = dict(
            Ticket._read_group(
                [("id", "in", (quick | slow).ids)], ["responded_in_time"], ["__count"]
            )
        )
        self.assertEqual(groups, {True: 1, False: 1})
        # the threshold is a company setting; a change judges new responses only
        settings = Form(self.env["res.config.settings"])
        settings.aftersales_response_seconds = 60
        settings.save().execute()
        self.assertTrue(consultation(40).responded_in_time)
        self.assertFalse(slow.responded_in_time)

    # -- roles ------------------------------------------------------------------------

    def test_escalations_go_to_technical_support(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "q", "description": "d", "inquiry_class": "a"}
        )
        with self.assertRaises(ValidationError):
            ticket.tech_support_user_id = self.agent
        domain = ticket._fields["tech_support_user_id"].get_domain_list(ticket)
        members = self.env["res.users"].search(domain)
        self.assertIn(self.tech_support, members)
        self.assertNotIn(self.agent, members)
        qc = new_test_user(
            self.env, login="as_qc", groups="aftersales_sop.aftersales_sop_group_qc"
        )
        self.assertTrue(qc.has_group("helpdesk_mgmt.group_helpdesk_user"))

    def test_staff_without_an_email_address_do_their_jobs(self):
        # notifications of people without an address leave from the company's
        # default sender (its mail alias domain), as Odoo's outgoing mail does
        self.company.alias_domain_id = self.env["mail.alias.domain"].create(
            {"name": "aftersales.example.com", "default_from": "notifications"}
        )
        for user in (
            self.agent,
            self.dispatcher,
            self.manager,
            self.zhang.user_id,
            self.tech_support,
        ):
            user.partner_id.email = False
        # the agent records a request, answers and escalates a question
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            .create(self._repair_vals(partner_phone="13700000001"))
        )
        ticket.action_record_first_response()
        question = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            .create(
                {
                    "name": "q",
                    "description": "d",
                    "inquiry_class": "c",
                    "team_id": self.team.id,
                }
            )
        )
        question.action_request_escalation()
        question.tech_support_user_id = self.tech_support
        # the dispatcher dispatches, the engineer goes and finishes
        wizard = Form(
            self.env["helpdesk.ticket.dispatch"]
            .with_user(self.dispatcher)
            .with_context(default_ticket_id=ticket.id)
        ).save()
        order = self.env["aftersales.dispatch.order"].browse(
            wizard.action_confirm()["res_id"]
        )
        engineer = order.engineer_id.user_id
        engineer.partner_id.email = False
        order.with_user(engineer).action_check_in()
        self._finish_visit(order, engineer)
        self.assertEqual(ticket.repair_state, "done")
        # the manager corrects a moment
        correction = Form(
            self.env["helpdesk.ticket.moment.correction"]
            .with_user(self.manager)
            .with_context(default_ticket_id=ticket.id)
        )
        correction.moment = "request_date"
        correction.new_value = datetime(2026, 9, 28, 1, 55)
        correction.reason = "Logged five minutes late"
        correction.save().action_apply()
        self.assertEqual(ticket.request_date, datetime(2026, 9, 28, 1, 55))

    # -- links across companies --------------------------------------------------------

    def test_links_to_another_company_are_refused(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        employee = self.env["hr.employee"].create(
            {"name": "Wu", "company_id": other.id, "user_id": self.agent.id}
        )
        engineer = self.env["aftersales.engineer"].create(
            {"employee_id": employee.id, "company_id": other.id}
        )
        ticket = self._create_repair()
        with self.assertRaises(UserError):
            self._order(ticket, engineer)
        zone = self.env["aftersales.zone"].create(
            {"name": "Elsewhere", "company_id": other.id}
        )
        with self.assertRaises(UserError):
            ticket.service_zone_id = zone
        lot = self.env["stock.lot"].create(
            {"name": "X-1", "product_id": self.product.id, "company_id": other.id}
        )
        with self.assertRaises(UserError):
            ticket.lot_id = lot
