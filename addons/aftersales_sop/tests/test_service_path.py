# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The repair-centre and mail-in paths (SPEC §4.5-4.6) and their clocks
(SPEC §3): detection 3 working days from receipt, progress report 2 working
days from the take-back, feedback 2 hours from the problem solved."""

from datetime import datetime

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestServicePath(AftersalesSopCommon):
    def _cron(self):
        self.env.ref(
            "aftersales_sop.ir_cron_check_clock_breaches"
        ).method_direct_trigger()

    def test_the_clocks_and_their_defaults(self):
        expected = {
            "detection": ("unit_received", "diagnosis_reported", 3, "working_days"),
            "progress_report": (
                "unit_taken_back",
                "progress_reported",
                2,
                "working_days",
            ),
            "feedback": ("problem_solved", "result_told", 2, "hours"),
        }
        for code, (start, stop, limit, unit) in expected.items():
            clock = self.env["aftersales.clock"].search([("code", "=", code)])
            self.assertEqual(
                (clock.start_event, clock.stop_event, clock.time_limit, clock.unit),
                (start, stop, limit, unit),
            )
        events = self.env["helpdesk.ticket"]._aftersales_clock_events()
        self.assertEqual(events["unit_received"][1], "unit_received_date")
        self.assertEqual(events["result_told"][1], "result_told_date")

    def test_a_unit_taken_back_to_the_repair_centre(self):
        ticket = self._create_repair()
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )
        engineer = self.zhang.user_id
        visit = order.current_visit_id.with_user(engineer)
        visit.action_check_in()
        visit.write(
            {
                "inspection_note": "The compressor does not start.",
                "result": "taken_back",
                "result_note": "Unit taken to the repair centre for a bench test.",
                "no_signature_reason": "The customer signed the take-back slip.",
                "checklist_declined": True,
            }
        )
        visit.action_check_out()
        # the visit is over, the repair is not: the unit is at the centre
        self.assertEqual(order.state, "done")
        self.assertEqual(ticket.unit_taken_back_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(ticket.service_path, "repair_centre")
        self.assertTrue(ticket.at_repair_centre)
        self.assertEqual(ticket.repair_state, "repair_centre")
        self.assertIn(
            ticket,
            self.env["helpdesk.ticket"].search([("at_repair_centre", "=", True)]),
        )
        progress = self._clock(ticket, "progress_report")
        self.assertEqual(progress.state, "running")
        # two working days: Monday 10:00 + 6 h + Tuesday 8 h + Wednesday 2 h
        self.assertEqual(progress.deadline, datetime(2026, 9, 30, 2, 0))
        activity = ticket.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("aftersales_sop.mail_act_repair_progress")
            )
        )
        self.assertEqual(activity.user_id, engineer)
        # the centre receives the unit on Tuesday morning
        with freeze_time("2026-09-29 01:00:00"):
            ticket.with_user(self.agent).action_unit_received()
        self.assertEqual(ticket.service_path, "repair_centre")
        detection = self._clock(ticket, "detection")
        # three working days from Tuesday 09:00, the National Day skipped:
        # 7 h on Tuesday, 8 on Wednesday, 8 on Friday, 1 on Monday
        self.assertEqual(detection.deadline, datetime(2026, 10, 5, 1, 0))
        # progress is reported with what the customer was told
        with self.assertRaisesRegex(UserError, "what the customer is told"):
            ticket.with_user(engineer).action_progress_reported()
        ticket.with_user(engineer).progress_note = "On the bench; the board is tested."
        with freeze_time("2026-09-29 08:00:00"):
            ticket.with_user(engineer).action_progress_reported()
        self.assertEqual(progress.state, "met")
        self.assertFalse(
            ticket.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("aftersales_sop.mail_act_repair_progress")
                )
            )
        )
        # a later report is logged, the moment stays
        with freeze_time("2026-09-30 08:00:00"):
            ticket.with_user(engineer).action_progress_reported()
        self.assertEqual(ticket.progress_report_date, datetime(2026, 9, 29, 8, 0))
        ticket.with_user(engineer).diagnosis_note = "Start relay burnt."
        with freeze_time("2026-10-02 00:30:00"):
            ticket.with_user(engineer).action_diagnosis_reported()
        self.assertEqual(detection.state, "met")
        # repaired, checked by the QC inspector, solved: the repair completes,
        # the customer is told
        self._qc_passed(ticket, engineer)
        with freeze_time("2026-10-05 02:00:00"):
            ticket.with_user(engineer).action_problem_solved()
        self.assertFalse(ticket.at_repair_centre)
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(ticket.repair_done_date, datetime(2026, 10, 5, 2, 0))
        feedback = self._clock(ticket, "feedback")
        self.assertEqual(feedback.deadline, datetime(2026, 10, 5, 4, 0))
        ticket.with_user(self.agent).result_note = "Repaired: start relay replaced."
        with freeze_time("2026-10-05 03:00:00"):
            ticket.with_user(self.agent).action_result_told()
        self.assertEqual(feedback.state, "met")

    def test_a_unit_sent_by_mail(self):
        ticket = self._create_repair()
        review = self.env.ref("aftersales_sop.mail_act_dispatch_review")
        self.assertEqual(self._clock(ticket, "dispatch_review").state, "running")
        self.assertIn(review, ticket.activity_ids.activity_type_id)
        ticket.with_user(self.agent).action_unit_received()
        self.assertEqual(ticket.service_path, "mail_in")
        self.assertEqual(ticket.repair_state, "repair_centre")
        # nobody is dispatched to a unit sent by mail: no review, no reply due
        self.assertFalse(self._clock(ticket, "dispatch_review"))
        self.assertFalse(self._clock(ticket, "reply"))
        self.assertNotIn(review, ticket.activity_ids.activity_type_id)
        # a request registered as a mail-in waits for no dispatch either
        registered = self._create_repair(service_path="mail_in")
        self.assertFalse(self._clock(registered, "dispatch_review"))
        self.assertNotIn(review, registered.activity_ids.activity_type_id)
        detection = self._clock(ticket, "detection")
        self.assertEqual(detection.state, "running")
        self.assertEqual(detection.deadline, datetime(2026, 10, 2, 2, 0))
        self.assertFalse(self._clock(ticket, "progress_report"))
        with freeze_time("2026-10-02 03:00:00"):  # Friday 11:00: an hour late
            self._cron()
            self.assertEqual(detection.state, "breached")
            self.assertTrue(ticket.clock_breached)
            ticket.diagnosis_note = "Water in the control board."
            ticket.with_user(self.agent).action_diagnosis_reported()
        self.assertEqual(detection.state, "breached")
        self.assertEqual(detection.stop_date, datetime(2026, 10, 2, 3, 0))
        self._qc_passed(ticket)
        with freeze_time("2026-10-05 02:00:00"):
            ticket.with_user(self.agent).action_problem_solved()
        self.assertEqual(ticket.repair_state, "done")  # no dispatch order
        feedback = self._clock(ticket, "feedback")
        with freeze_time("2026-10-05 04:30:00"):
            self._cron()
        self.assertEqual(feedback.state, "breached")

    def test_a_mail_in_request_is_not_on_the_dispatch_list(self):
        arch = etree.fromstring(
            self.env["helpdesk.ticket"]
            .with_user(self.dispatcher)
            .get_views([(False, "search")])["views"]["search"]["arch"]
        )
        domain = safe_eval(arch.xpath("//filter[@name='to_dispatch']")[0].get("domain"))
        on_site = self._create_repair()
        mail_in = self._create_repair(service_path="mail_in")
        waiting = self.env["helpdesk.ticket"].search(
            domain + [("id", "in", (on_site | mail_in).ids)]
        )
        self.assertEqual(waiting, on_site)

    def test_the_steps_come_in_their_order(self):
        ticket = self._create_repair()
        agent = ticket.with_user(self.agent)
        for step in (
            agent.action_diagnosis_reported,
            agent.action_problem_solved,
            agent.action_result_told,
            agent.action_progress_reported,
        ):
            with self.assertRaises(UserError):
                step()
        question = self.env["helpdesk.ticket"].create(
            {"name": "q", "description": "d", "inquiry_class": "a"}
        )
        with self.assertRaises(UserError):
            question.action_unit_received()
        agent.action_unit_received()
        with self.assertRaisesRegex(UserError, "Diagnosis"):
            agent.action_diagnosis_reported()  # nothing written to tell
        with self.assertRaisesRegex(UserError, "QC inspector"):
            agent.action_problem_solved()  # not checked yet
        self._qc_passed(ticket)
        agent.action_problem_solved()
        with self.assertRaises(UserError):
            agent.action_result_told()  # the result to tell is not written

    def test_the_moments_of_the_path_are_facts(self):
        ticket = self._create_repair()
        ticket.with_user(self.agent).action_unit_received()
        with self.assertRaises(AccessError):
            ticket.with_user(self.agent).unit_received_date = datetime(2026, 9, 27)
        wizard = Form(
            self.env["helpdesk.ticket.moment.correction"]
            .with_user(self.manager)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.moment = "unit_received_date"
        wizard.new_value = datetime(2026, 9, 28, 1, 0)
        wizard.reason = "The parcel was signed for at 09:00."
        wizard.save().action_apply()
        self.assertEqual(ticket.unit_received_date, datetime(2026, 9, 28, 1, 0))
        self.assertEqual(
            self._clock(ticket, "detection").deadline, datetime(2026, 10, 2, 1, 0)
        )
