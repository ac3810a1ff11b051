# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One complete class-B repair, each step by the user whose job it is:
intake, dispatch, the visit with its signed service form and checklist, the
report kept on the request, the repair completed."""

import base64
from datetime import datetime

from odoo import Command
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon
from .test_service_report import SIGNATURE


@tagged("post_install", "-at_install")
class TestClassBRepair(AftersalesSopCommon):
    def test_a_class_b_repair_from_intake_to_completion(self):
        # Monday 09:00 Beijing: the customer calls the hotline
        with freeze_time("2026-09-28 01:00:00"):
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.agent)
                .create(self._repair_vals(is_complex=True))
            )
            ticket.action_record_first_response()
            ticket.action_record_customer_contacted()
        self.assertEqual(ticket.repair_state, "registered")
        # 09:20: the dispatcher sends Zhang, appointment at 14:00
        with freeze_time("2026-09-28 01:20:00"):
            action = ticket.with_user(self.dispatcher).action_open_dispatch()
            wizard = Form(
                self.env[action["res_model"]]
                .with_user(self.dispatcher)
                .with_context(**action["context"])
            )
            # a complex job: the senior Zhang is proposed
            self.assertEqual(wizard.engineer_id, self.zhang)
            wizard.appointment_date = datetime(2026, 9, 28, 6, 0)
            wizard.save().action_confirm()
        order = ticket.dispatch_order_id
        self.assertEqual(order.engineer_id, self.zhang)
        self.assertEqual(self._clock(ticket, "dispatch_review").state, "met")
        engineer = self.zhang.user_id
        visit = order.current_visit_id.with_user(engineer)
        self.assertEqual(visit.planned_date, datetime(2026, 9, 28, 6, 0))
        # 13:00: he calls ahead
        with freeze_time("2026-09-28 05:00:00"):
            action = visit.action_log_eta_call()
            call = Form(
                self.env[action["res_model"]]
                .with_user(engineer)
                .with_context(**action["context"])
            )
            call.eta_date = datetime(2026, 9, 28, 5, 50)
            call.save()
        # 13:50: on site, ID shown, survey, plan (in warranty: free), work
        with freeze_time("2026-09-28 05:50:00"):
            visit.action_check_in()
            visit.action_show_id()
            with Form(visit) as form:
                form.inspection_note = "The fan capacitor is swollen."
                form.plan_note = "Replace the capacitor (in warranty, free)."
            visit.action_accept_plan()
            self._start_work(visit)
        self.assertFalse(order.arrived_late)
        self.assertEqual(self._clock(ticket, "onsite").state, "met")
        photo = self.env["ir.attachment"].create(
            {
                "name": "capacitor.png",
                "datas": SIGNATURE,
                "res_model": "aftersales.visit",
                "res_id": visit.id,
            }
        )
        with freeze_time("2026-09-28 06:40:00"):
            with Form(visit) as form:
                form.work_note = "Replaced the fan capacitor; cleaned the coil."
                form.problem_note = "Swollen capacitor."
                form.solution_note = "New original capacitor."
                form.result = "fixed"
                form.joint_test_note = "30 minutes of cooling together."
                with form.part_ids.new() as part:
                    part.product_id = self.fan_capacitor
                    part.consent = True
            visit.write({"photo_ids": [Command.link(photo.id)]})
            visit.action_joint_test_passed()
            # the customer fills in the checklist and signs
            action = visit.action_open_checklist()
            with Form(
                self.env[action["res_model"]]
                .with_user(engineer)
                .with_context(**action["context"]),
                view=action["views"][0][0],
            ) as checklist:
                for name in (
                    "score_response_speed",
                    "score_attitude",
                    "score_result",
                    "score_resolution_speed",
                    "score_parts_supply",
                    "score_professionalism",
                ):
                    setattr(checklist, name, "9")
                checklist.overall_score = "10"
            visit.write({"customer_signature": SIGNATURE, "signed_by": "Mr Test"})
        report = visit.sudo().report_attachment_id
        self.assertEqual(report.res_id, ticket.id)
        # 14:45: he checks out; the job and the repair are done
        with freeze_time("2026-09-28 06:45:00"):
            visit.action_check_out()
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.work_hours, 0.92)  # 13:50 to 14:45
        self.assertEqual(order.state, "done")
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(ticket.repair_done_date, datetime(2026, 9, 28, 6, 45))
        self.assertTrue(ticket.closed)
        self.assertEqual(self._clock(ticket, "resolution").state, "met")
        # the report kept on the request says it all, signature included
        content = base64.b64decode(report.datas).decode()
        for expected in (
            visit.name,
            "Replaced the fan capacitor; cleaned the coil.",
            "Fan Capacitor 4 uF",
            "Fixed on site",
            "Passed",
            "Satisfaction checklist",
            "Mr Test",
            "14:45",
            f"data:image/png;base64,{SIGNATURE.decode()}",
        ):
            self.assertIn(expected, content)
        self.assertIn(report, ticket.attachment_ids)
        # the checklist is a survey of the service form, in the analysis
        survey = visit.checklist_id
        self.assertEqual(
            (survey.method, survey.overall_value, survey.engineer_id),
            ("service_form", 10.0, self.zhang),
        )
        self.env.flush_all()
        overall = self.env["aftersales.survey.report"].search(
            [("survey_id", "=", survey.id), ("dimension", "=", "overall")]
        )
        self.assertEqual(overall.score, 10.0)
