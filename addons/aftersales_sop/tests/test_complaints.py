# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints (SPEC §7): from record to the customer's confirmation, with the
four clocks met and breached, the cross-department check only when other
departments are involved, the engineer's attribution and the supervisor's
judgement of a serious impact."""

from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .care_common import MONDAY_10, AftersalesCareCommon

BREACH = "aftersales_sop.mail_act_complaint_clock_breach"
INVESTIGATE = "aftersales_sop.mail_act_complaint_investigate"
APPROVE = "aftersales_sop.mail_act_complaint_approve"
REPLY = "aftersales_sop.mail_act_complaint_reply"


@tagged("post_install", "-at_install")
class TestComplaints(AftersalesCareCommon):
    def test_complaint_from_record_to_confirmation_every_clock_met(self):
        ticket = self._create_repair()
        with freeze_time(MONDAY_10):  # Monday 10:00 Beijing
            complaint = self._complaint(
                ticket_id=ticket.id,
                received_date=datetime(2026, 9, 28, 1, 55),
                department_ids=[Command.set(self.quality.ids)],
            )
        # from the request: customer, team, product; the team's handler and supervisor
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.team_id, self.team)
        self.assertEqual(complaint.product_id, self.product)
        self.assertEqual(complaint.user_id, self.handler)
        self.assertEqual(complaint.supervisor_id, self.manager)
        self.assertTrue(complaint.name.startswith("TS"))
        self.assertEqual(complaint.state, "recorded")
        self.assertTrue(complaint.cross_department)
        # recorded 5 minutes after it was received: within the 10 minutes
        record = self._clock_of(complaint, "complaint_record")
        self.assertEqual(record.state, "met")
        self.assertEqual(record.deadline, datetime(2026, 9, 28, 2, 5))
        self.assertEqual(complaint.recorded_date, datetime(2026, 9, 28, 2, 0))
        investigation = self._clock_of(complaint, "complaint_investigation")
        self.assertEqual(investigation.state, "running")
        self.assertEqual(investigation.deadline, datetime(2026, 9, 28, 3, 0))
        self.assertEqual(complaint.clock_deadline, datetime(2026, 9, 28, 3, 0))
        self.assertFalse(self._clock_of(complaint, "complaint_cross_check"))
        self.assertEqual(self._activities(complaint, INVESTIGATE).user_id, self.handler)

        handler = complaint.with_user(self.handler)
        with freeze_time("2026-09-28 02:30:00"):
            handler.action_start_investigation()
            handler.action_cross_check()
        self.assertEqual(complaint.state, "cross_check")
        self.assertEqual(investigation.state, "met")
        cross_check = self._clock_of(complaint, "complaint_cross_check")
        # Monday 10:30 + 2 working days (16 h) = Wednesday 10:30 Beijing
        self.assertEqual(cross_check.deadline, datetime(2026, 9, 30, 2, 30))
        self.assertEqual(cross_check.state, "running")
        with freeze_time("2026-09-29 06:00:00"):
            handler.action_verify()
            self.assertEqual(complaint.state, "investigation")
            self.assertEqual(cross_check.state, "met")
            self._settle(handler)
            handler.action_propose()
        self.assertEqual(complaint.state, "proposed")
        self.assertFalse(self._activities(complaint, INVESTIGATE))
        self.assertEqual(self._activities(complaint, APPROVE).user_id, self.manager)
        with freeze_time("2026-09-29 07:00:00"):  # Tuesday 15:00 Beijing
            complaint.with_user(self.manager).action_approve()
        self.assertEqual(complaint.approver_id, self.manager)
        reply = self._clock_of(complaint, "complaint_reply")
        # Tuesday 15:00 + 1 working day (8 h) = Wednesday 15:00 Beijing
        self.assertEqual(reply.deadline, datetime(2026, 9, 30, 7, 0))
        self.assertEqual(self._activities(complaint, REPLY).user_id, self.handler)
        with freeze_time("2026-09-30 03:00:00"):
            handler.action_customer_told()
            self.assertEqual(reply.state, "met")
            handler.action_customer_confirmed()
        self.assertEqual(complaint.state, "closed")
        self.assertEqual(complaint.confirmed_date, datetime(2026, 9, 30, 3, 0))
        self.assertEqual(
            set(complaint.clock_ids.mapped("state")), {"met"}, "four clocks, all met"
        )
        self.assertEqual(len(complaint.clock_ids), 4)
        self.assertTrue(complaint.clocks_all_met)
        self.assertFalse(complaint.clock_breached)
        self.assertFalse(complaint.activity_ids)

    def test_breached_clocks_without_other_departments(self):
        with freeze_time(MONDAY_10):
            # received 20 minutes before it was recorded
            complaint = self._complaint(received_date=datetime(2026, 9, 28, 1, 40))
        record = self._clock_of(complaint, "complaint_record")
        self.assertEqual(record.state, "breached")
        self.assertIn("overdue by 10 min", record.time_left_display)
        self.assertTrue(complaint.clock_breached)
        # the record clock tells the supervisor
        self.assertEqual(self._activities(complaint, BREACH).user_id, self.manager)
        investigation = self._clock_of(complaint, "complaint_investigation")
        with freeze_time("2026-09-28 03:05:00"):
            self.assertTrue(investigation.is_overdue)
            self._run_breach_check()
        self.assertEqual(investigation.state, "breached")
        self.assertEqual(
            self._activities(complaint, BREACH).user_id, self.manager | self.handler
        )
        # the breach shows in lists and kanban (the stored flag)
        Complaint = self.env["aftersales.complaint"]
        self.assertIn(complaint, Complaint.search([("clock_breached", "=", True)]))
        handler = complaint.with_user(self.handler)
        with freeze_time("2026-09-28 04:00:00"):
            handler.action_start_investigation()
            self._settle(handler)
            handler.action_propose()  # no department: no check needed
        self.assertFalse(self._clock_of(complaint, "complaint_cross_check"))
        with freeze_time("2026-10-02 08:00:00"):  # Friday 16:00 Beijing
            complaint.with_user(self.manager).action_approve()
        reply = self._clock_of(complaint, "complaint_reply")
        # Friday 16-17, Monday 8-12 and 13-16 Beijing (8 working hours)
        self.assertEqual(reply.deadline, datetime(2026, 10, 5, 8, 0))
        with freeze_time("2026-10-06 02:00:00"):
            handler.action_customer_told()
        self.assertEqual(reply.state, "breached")
        self.assertEqual(len(complaint.clock_ids), 3)
        self.assertFalse(complaint.clocks_all_met)

    def test_cross_department_check_comes_before_the_solution(self):
        with freeze_time(MONDAY_10):
            complaint = self._complaint(user=self.handler)
            handler = complaint.with_user(self.handler)
            handler.action_start_investigation()
            with self.assertRaises(UserError):  # no department named
                handler.action_cross_check()
            self._settle(handler, department_ids=[Command.set(self.quality.ids)])
            # the departments named during the investigation get their clock,
            # counted from the investigation's start
            cross_check = self._clock_of(complaint, "complaint_cross_check")
            self.assertEqual(cross_check.start_date, datetime(2026, 9, 28, 2, 0))
            with self.assertRaises(UserError):
                handler.action_propose()
            handler.action_cross_check()
            with self.assertRaises(UserError):  # not verified yet
                handler.action_propose()
        # Monday 10:00 + 2 working days = Wednesday 10:00 Beijing; the check
        # comes back an hour late
        self.assertEqual(cross_check.deadline, datetime(2026, 9, 30, 2, 0))
        with freeze_time("2026-09-30 03:00:00"):
            handler.action_verify()
            handler.action_propose()
        self.assertEqual(complaint.state, "proposed")
        self.assertEqual(cross_check.state, "breached")
        self.assertIn("overdue by 1 h 0 min", cross_check.time_left_display)
        self.assertEqual(self._activities(complaint, BREACH).user_id, self.handler)
        self.assertFalse(complaint.clocks_all_met)

    def test_engineer_attribution_and_serious_impact(self):
        ticket = self._create_repair()
        with freeze_time(MONDAY_10):
            complaint = self._complaint(
                ticket_id=ticket.id,
                involved_engineer_ids=[Command.set(self.zhang.ids)],
            )
            handler = complaint.with_user(self.handler)
            handler.action_start_investigation()
            with self.assertRaises(ValidationError):  # an offence is an engineer's
                handler.offence_code = "complaint_quarrel"
            self._settle(handler, engineer_id=self.zhang.id)
            with self.assertRaises(UserError):  # which offence?
                handler.action_propose()
            handler.offence_code = "complaint_quarrel"
            # the supervisor judges the impact, not the handler
            with self.assertRaises(AccessError):
                handler.serious_impact = True
            handler.action_propose()
            self.assertFalse(complaint.penalty_candidate)
            supervisor = complaint.with_user(self.manager)
            supervisor.serious_impact = True
            supervisor.action_approve()
        self.assertTrue(complaint.penalty_candidate)
        self.assertEqual(complaint._aftersales_propose_penalties(), complaint)
        self.assertEqual(
            complaint._aftersales_penalty_proposal_vals(),
            {
                "engineer_id": self.zhang.id,
                "offence_code": "complaint_quarrel",
                "date": datetime(2026, 9, 28, 2, 0),
                "complaint_id": complaint.id,
                "company_id": self.company.id,
                "description": (
                    f"Complaint {complaint.name}: Argued with or talked back to "
                    "the customer"
                ),
            },
        )
        Complaint = self.env["aftersales.complaint"]
        self.assertIn(complaint, Complaint.search([("penalty_candidate", "=", True)]))
        # an approved attribution changes only by a manager
        with self.assertRaises(AccessError):
            handler.engineer_id = self.liu
        with self.assertRaises(AccessError):
            handler.offence_code = "complaint_delay"

    def test_no_serious_impact_no_penalty(self):
        with freeze_time(MONDAY_10):
            complaint = self._complaint(user=self.handler)
            handler = complaint.with_user(self.handler)
            handler.action_start_investigation()
            self._settle(
                handler, engineer_id=self.liu.id, offence_code="complaint_delay"
            )
            handler.action_propose()
            complaint.with_user(self.manager).action_approve()
        self.assertEqual(complaint.state, "approved")
        self.assertFalse(complaint.penalty_candidate)
        self.assertFalse(complaint._aftersales_propose_penalties())

    def test_cause_proposes_the_category_and_offence(self):
        with freeze_time(MONDAY_10):
            complaint = self._complaint(user=self.handler, category="other")
            complaint.with_user(self.handler).action_start_investigation()
        form = Form(complaint.with_user(self.handler))
        form.engineer_id = self.zhang
        form.cause_id = self.env.ref("aftersales_sop.complaint_cause_solicit")
        self.assertEqual(form.category, "service")
        self.assertEqual(form.offence_code, "complaint_solicit")

    def test_reopen_keeps_the_verdicts_and_counts(self):
        with freeze_time(MONDAY_10):
            complaint = self._complaint(user=self.handler)
            handler = complaint.with_user(self.handler)
            handler.action_start_investigation()
            self._settle(
                handler,
                solution_type_ids=[Command.set(self.compensation.ids)],
            )
            with self.assertRaises(UserError):  # a compensation has an amount
                handler.action_propose()
            handler.compensation_amount = 200
            handler.action_propose()
            complaint.with_user(self.manager).action_approve()
            handler.action_customer_told()
        verdicts = {c.code: c.state for c in complaint.clock_ids}
        with freeze_time("2026-09-29 02:00:00"):
            handler.action_reopen()
        self.assertEqual(complaint.state, "investigation")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertEqual({c.code: c.state for c in complaint.clock_ids}, verdicts)
        self.assertEqual(self._activities(complaint, INVESTIGATE).user_id, self.handler)
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "Reopened" in (m.body or ""))
        )

    def test_bad_input_is_refused(self):
        Complaint = self.env["aftersales.complaint"].with_user(self.agent)
        with freeze_time(MONDAY_10):
            with self.assertRaises(ValidationError):  # who complains?
                Complaint.create(self._complaint_vals(partner_id=False))
            with self.assertRaises(ValidationError):
                Complaint.create(
                    self._complaint_vals(received_date=datetime(2026, 9, 28, 3, 0))
                )
            complaint = Complaint.create(self._complaint_vals())
            # a step that does not apply, a step of another role
            with self.assertRaises(UserError):
                complaint.with_user(self.handler).action_propose()
            with self.assertRaises(AccessError):
                complaint.action_start_investigation()
            complaint.with_user(self.handler).action_start_investigation()
            self._settle(complaint.with_user(self.handler))
            complaint.with_user(self.handler).action_propose()
            with self.assertRaises(AccessError):
                complaint.with_user(self.handler).action_approve()
            # steps are taken with their buttons, not by writing them
            with self.assertRaises(AccessError):
                complaint.with_user(self.handler).write({"state": "closed"})
            with self.assertRaises(AccessError):
                complaint.write({"told_date": datetime(2026, 9, 28, 2, 0)})
            # a recorded moment is corrected by a manager only
            with self.assertRaises(AccessError):
                complaint.with_user(self.handler).received_date = datetime(
                    2026, 9, 28, 1, 0
                )
            complaint.with_user(self.manager).received_date = datetime(
                2026, 9, 28, 1, 59
            )
            # the supervisor sends it back
            complaint.with_user(self.manager).action_send_back()
        self.assertEqual(complaint.state, "investigation")
        with self.assertRaises(UserError):  # a complaint being handled is kept
            complaint.with_user(self.manager).unlink()

    def test_clock_definitions_name_their_model(self):
        Clock = self.env["aftersales.clock"]
        events = dict(Clock._fields["start_event"]._description_selection(self.env))
        self.assertIn("complaint_received", events)
        self.assertIn("request_received", events)
        self.assertEqual(
            self.env.ref("aftersales_sop.aftersales_clock_reply").res_model,
            "helpdesk.ticket",
        )
        models = dict(Clock._fields["res_model"]._description_selection(self.env))
        self.assertEqual(
            set(models),
            {"helpdesk.ticket", "aftersales.complaint", "aftersales.followup"},
        )
        with self.assertRaises(ValidationError):  # a ticket event on a complaint
            Clock.create(
                {
                    "name": "Wrong",
                    "code": "wrong",
                    "res_model": "aftersales.complaint",
                    "start_event": "request_received",
                    "stop_event": "complaint_recorded",
                    "time_limit": 1,
                }
            )
        with self.assertRaises(ValidationError):  # a filter on fields it has not
            Clock.create(
                {
                    "name": "Wrong",
                    "code": "wrong",
                    "res_model": "aftersales.complaint",
                    "start_event": "complaint_received",
                    "stop_event": "complaint_recorded",
                    "time_limit": 1,
                    "ticket_domain": "[('inquiry_class', '=', 'b')]",
                }
            )
