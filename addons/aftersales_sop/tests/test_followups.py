# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Follow-ups (SPEC §8): planned at the repair's completion with their clocks
and activities, the VIP customer's second call, the outcome that reopens the
request, and the monthly follow-up plan."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .care_common import MONDAY_10, AftersalesCareCommon

CALL = "aftersales_sop.mail_act_followup_call"
BREACH = "aftersales_sop.mail_act_followup_clock_breach"


@tagged("post_install", "-at_install")
class TestFollowups(AftersalesCareCommon):
    def test_completion_plans_the_follow_up_call(self):
        with freeze_time(MONDAY_10):
            ticket = self._complete_repair()
        followup = ticket.followup_ids
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.kind, "first")
        self.assertEqual(followup.partner_id, self.customer)
        self.assertEqual(followup.user_id, self.care)
        self.assertEqual(followup.team_id, self.team)
        self.assertEqual(followup.repair_done_date, datetime(2026, 9, 28, 2, 0))
        self.assertTrue(followup.name.startswith("HF"))
        clock = self._clock_of(followup, "followup")
        # Monday 10:00 + 3 working days; Thursday 1 October is National Day:
        # Friday 2 October 10:00 Beijing
        self.assertEqual(clock.deadline, datetime(2026, 10, 2, 2, 0))
        self.assertEqual(clock.state, "running")
        self.assertEqual(followup.scheduled_date, clock.deadline)
        activity = self._activities(followup, CALL)
        self.assertEqual(activity.user_id, self.care)
        self.assertEqual(str(activity.date_deadline), "2026-10-02")
        self.assertEqual(ticket.followup_count, 1)
        # the call on Tuesday: satisfied, in time
        with freeze_time("2026-09-29 03:00:00"):
            call = followup.with_user(self.care)
            call.outcome = "satisfied"
            call.action_record_outcome()
        self.assertEqual(followup.state, "done")
        # the call records the customer's satisfaction: a survey by phone
        survey = followup.survey_ids
        self.assertEqual(len(survey), 1)
        self.assertEqual(
            (survey.method, survey.state, survey.ticket_id, survey.user_id),
            ("phone", "pending", ticket, self.care),
        )
        action = followup.with_user(self.care).action_open_survey()
        self.assertEqual(action["res_id"], survey.id)
        survey.with_user(self.care).write(
            {"overall_score": "9", "score_attitude": "10"}
        )
        survey.with_user(self.care).action_record_answer()
        self.assertEqual(survey.state, "done")
        self.assertEqual(followup.survey_ids, survey)
        self.assertEqual(followup.call_date, datetime(2026, 9, 29, 3, 0))
        self.assertEqual(clock.state, "met")
        self.assertFalse(self._activities(followup, CALL))
        self.assertEqual(ticket.stage_id, self.stage_done)

    def test_a_colleague_closes_the_call_planned_for_another(self):
        """The call activity is the assignee's; a colleague who makes or cancels
        the call in his place removes it with his own rights (no sudo)."""
        colleague = new_test_user(
            self.env,
            login="as_care_2",
            groups="aftersales_sop.aftersales_sop_group_customer_relations",
        )
        with freeze_time(MONDAY_10):
            ticket = self._complete_repair()
        followup = ticket.followup_ids
        self.assertEqual(self._activities(followup, CALL).user_id, self.care)
        with freeze_time(MONDAY_10):
            followup.with_user(colleague).action_cancel()
        self.assertEqual(followup.state, "cancel")
        self.assertFalse(self._activities(followup, CALL))
        with freeze_time(MONDAY_10):
            followup.with_user(self.manager).action_reset()
        self.assertEqual(self._activities(followup, CALL).user_id, self.care)
        with freeze_time("2026-09-29 03:00:00"):
            call = followup.with_user(colleague)
            call.outcome = "satisfied"
            call.action_record_outcome()
        self.assertEqual(followup.state, "done")
        self.assertFalse(self._activities(followup, CALL))

    def test_vip_customer_gets_a_second_follow_up(self):
        company = self.env["res.partner"].create(
            {"name": "VIP Hotel", "is_company": True, "aftersales_vip": True}
        )
        self.customer.parent_id = company  # a contact of a VIP company is VIP
        with freeze_time(MONDAY_10):
            ticket = self._complete_repair()
        first = ticket.followup_ids.filtered(lambda f: f.kind == "first")
        second = ticket.followup_ids.filtered(lambda f: f.kind == "second")
        self.assertTrue(first and second)
        self.assertTrue(second.is_vip)
        vip_clock = self._clock_of(second, "followup_vip")
        self.assertEqual(vip_clock.deadline, datetime(2026, 10, 5, 2, 0))  # 7 days
        self.assertFalse(self._clock_of(second, "followup"))
        self.assertEqual(self._activities(second, CALL).user_id, self.care)
        # nobody calls: the scheduled action catches the late second call
        with freeze_time("2026-10-05 03:00:00"):
            first.with_user(self.care).write({"outcome": "satisfied"})
            first.with_user(self.care).action_record_outcome()
            self._run_breach_check()
        self.assertEqual(self._clock_of(first, "followup").state, "breached")
        self.assertEqual(vip_clock.state, "breached")
        self.assertTrue(second.clock_breached)
        self.assertEqual(self._activities(second, BREACH).user_id, self.care)
        Followup = self.env["aftersales.followup"]
        self.assertIn(second, Followup.search([("clock_breached", "=", True)]))

    def test_unanswered_calls_then_not_reached(self):
        with freeze_time(MONDAY_10):
            followup = self._complete_repair().followup_ids
        call = followup.with_user(self.care)
        with freeze_time("2026-09-28 03:00:00"):
            call.action_not_reached()
        self.assertEqual(followup.attempt_count, 1)
        self.assertEqual(followup.state, "planned")
        self.assertEqual(self._clock_of(followup, "followup").state, "running")
        # called again the next working day, same hour
        self.assertEqual(followup.scheduled_date, datetime(2026, 9, 29, 3, 0))
        self.assertEqual(
            str(self._activities(followup, CALL).date_deadline), "2026-09-29"
        )
        with freeze_time("2026-09-29 03:00:00"):
            with self.assertRaises(UserError):  # which outcome?
                call.action_record_outcome()
            call.outcome = "not_reached"
            call.action_record_outcome()
        self.assertEqual(followup.state, "done")
        self.assertEqual(self._clock_of(followup, "followup").state, "met")

    def test_problem_persists_reopens_the_request(self):
        with freeze_time(MONDAY_10):
            ticket = self._complete_repair()
        self.assertTrue(ticket.closed)
        followup = ticket.followup_ids
        with freeze_time("2026-09-29 02:00:00"):
            call = followup.with_user(self.care)
            call.write(
                {"outcome": "problem_persists", "outcome_note": "Still warm air."}
            )
            call.action_record_outcome()
        self.assertEqual(ticket.stage_id, self.stage_in_progress)
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.repair_state, "registered")
        self.assertFalse(ticket.dispatch_order_id)
        note = ticket.message_ids.filtered(
            lambda m: followup.name in (m.body or "") and "persists" in m.body
        )
        self.assertIn("Still warm air.", note.body)
        review = self.env.ref("aftersales_sop.mail_act_dispatch_review")
        self.assertIn(
            self.dispatcher,
            ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == review
            ).user_id,
        )
        # the second visit is dispatched and done: a new follow-up
        with freeze_time("2026-09-30 02:00:00"):
            wizard = Form(
                self.env["helpdesk.ticket.dispatch"]
                .with_user(self.dispatcher)
                .with_context(default_ticket_id=ticket.id)
            ).save()
            order = self.env["aftersales.dispatch.order"].browse(
                wizard.action_confirm()["res_id"]
            )
            engineer = order.engineer_id.user_id
            order.with_user(engineer).action_check_in()
            self._finish_visit(order, engineer)
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(len(ticket.followup_ids), 2)
        latest = ticket.followup_ids.filtered(lambda f: f.state == "planned")
        self.assertEqual(latest.repair_done_date, datetime(2026, 9, 30, 2, 0))

    def test_cancelled_follow_up_has_no_clock(self):
        with freeze_time(MONDAY_10):
            followup = self._complete_repair().followup_ids
            with self.assertRaises(AccessError):  # the agent does not call
                followup.with_user(self.agent).action_cancel()
            followup.with_user(self.care).action_cancel()
        self.assertEqual(followup.state, "cancel")
        self.assertFalse(followup.clock_ids)
        self.assertFalse(self._activities(followup, CALL))
        with freeze_time(MONDAY_10):
            followup.with_user(self.care).action_reset()
        self.assertEqual(self._clock_of(followup, "followup").state, "running")
        self.assertTrue(self._activities(followup, CALL))

    def test_monthly_plan(self):
        vip = self.env["res.partner"].create(
            {"name": "VIP Restaurant", "aftersales_vip": True, "phone": "+8621000001"}
        )
        called_vip = self.env["res.partner"].create(
            {"name": "VIP Called", "aftersales_vip": True}
        )
        with freeze_time("2026-09-10 02:00:00"):
            planned = self._complete_repair()
            forgotten = self._complete_repair()
            forgotten.followup_ids.with_user(self.manager).unlink()
            self.env["aftersales.followup"].create(
                {
                    "kind": "planned",
                    "partner_id": called_vip.id,
                    "user_id": self.care.id,
                }
            )
        with freeze_time("2026-08-20 02:00:00"):
            last_month = self._complete_repair()
            last_month.followup_ids.with_user(self.manager).unlink()
        with freeze_time("2026-09-15 02:00:00"):
            plan = Form(self.env["aftersales.followup.plan"].with_user(self.care))
            plan.month = datetime(2026, 9, 1).date()
            plan = plan.save()
            self.assertEqual(plan.ticket_ids, forgotten)
            self.assertNotIn(planned, plan.ticket_ids)
            self.assertIn(vip, plan.partner_ids)
            self.assertNotIn(called_vip, plan.partner_ids)
            vips = plan.partner_ids
            action = plan.action_plan()
        self.assertEqual(forgotten.followup_ids.kind, "first")
        vip_call = self.env["aftersales.followup"].search([("partner_id", "=", vip.id)])
        self.assertEqual(vip_call.kind, "planned")
        self.assertEqual(vip_call.user_id, self.care)
        self.assertFalse(vip_call.clock_ids)  # a courtesy call has no clock
        # the month's plan: both repairs' calls, the VIP already called, the
        # VIP customers planned now
        self.assertEqual(
            self.env["aftersales.followup"].search_count(action["domain"]),
            len((planned | forgotten).followup_ids) + 1 + len(vips),
        )
        # planning again adds nothing
        with freeze_time("2026-09-15 02:00:00"):
            again = (
                self.env["aftersales.followup.plan"]
                .with_user(self.care)
                .create({"month": datetime(2026, 9, 1).date()})
            )
            self.assertFalse(again.ticket_ids or again.partner_ids)
        # the plan menu opens on this month's calls
        plan_action = self.env.ref("aftersales_sop.aftersales_followup_action_plan")
        self.assertIn("search_default_this_month", plan_action.context)
        with self.assertRaises(AccessError):  # agents follow, they do not plan
            self.env["aftersales.followup.plan"].with_user(self.agent).create({})
