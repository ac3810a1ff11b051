# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The consultation flow: a question answered on the spot or by technical
support after the escalation, the Feedback clock from the answer to the
customer told, the handling status, and the customer's rating of the answer
recorded by the agent (the link is in test_survey_portal.py)."""

from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon

ANSWER = "Press TIMER twice, then choose the hours with the arrows."


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestConsultation(AftersalesSopCommon):
    def _question(self, inquiry_class="a", **vals):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            .create(
                {
                    "name": "How do I set the sleep timer?",
                    "description": "From the remote control.",
                    "inquiry_class": inquiry_class,
                    "team_id": self.team.id,
                    "partner_id": self.customer.id,
                    "user_id": self.agent.id,
                    **vals,
                }
            )
        )

    def _escalated(self, inquiry_class="c"):
        """A question the agent could not answer, handed to technical support
        at 02:10."""
        question = self._question(inquiry_class)
        question.action_request_escalation()
        with freeze_time("2026-09-28 02:10:00"):
            question.tech_support_user_id = self.tech_support
        return question

    def _answer_by_support(self, question, when="2026-09-28 03:00:00"):
        with freeze_time(when):
            as_support = question.with_user(self.tech_support)
            as_support.result_note = "The tank is covered for 3 years, the rest 1."
            as_support.action_question_answered()

    def _activities(self, ticket, xmlid):
        kind = self.env.ref(xmlid)
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    # -- the answer after an escalation and its Feedback clock ---------------------

    def test_an_escalated_answer_told_in_time_meets_the_feedback_clock(self):
        question = self._question("c")
        self.assertEqual(question.consultation_state, "open")
        question.action_request_escalation()
        self.assertEqual(question.consultation_state, "to_escalate")
        # the escalated question waits for technical support, not for the agent
        with self.assertRaises(UserError):
            question.result_note = "I think so."
            question.action_question_answered()
        with freeze_time("2026-09-28 02:10:00"):
            question.tech_support_user_id = self.tech_support
        self.assertEqual(question.consultation_state, "escalated")
        support = self._activities(
            question, "aftersales_sop.mail_act_escalated_question"
        )
        self.assertEqual(support.user_id, self.tech_support)
        self.assertFalse(self._clock(question, "feedback"))
        # technical support writes the answer and records it
        as_support = question.with_user(self.tech_support)
        with freeze_time("2026-09-28 03:00:00"):
            as_support.result_note = False
            with self.assertRaises(UserError):
                as_support.action_question_answered()
            self.assertFalse(question.solved_date)
            as_support.result_note = "The tank is covered for 3 years, the rest 1."
            as_support.action_question_answered()
        self.assertEqual(question.solved_date, datetime(2026, 9, 28, 3, 0))
        self.assertFalse(question.result_told_date)
        self.assertEqual(question.consultation_state, "to_tell")
        clock = self._clock(question, "feedback")
        self.assertEqual(clock.state, "running")
        self.assertEqual(clock.deadline, datetime(2026, 9, 28, 5, 0))
        self.assertFalse(
            self._activities(question, "aftersales_sop.mail_act_escalated_question")
        )
        tell = self._activities(question, "aftersales_sop.mail_act_repair_feedback")
        self.assertEqual(tell.user_id, self.agent)
        # the agent tells the customer within the 2 hours
        with freeze_time("2026-09-28 04:30:00"):
            question.with_user(self.agent).action_result_told()
        self.assertEqual(clock.state, "met")
        self.assertEqual(clock.stop_date, datetime(2026, 9, 28, 4, 30))
        self.assertEqual(question.consultation_state, "answered")
        self.assertFalse(
            self._activities(question, "aftersales_sop.mail_act_repair_feedback")
        )
        with self.assertRaises(UserError):
            question.action_question_answered()  # answered once

    def test_an_answer_told_after_the_limit_breaches_the_feedback_clock(self):
        question = self._escalated()
        self._answer_by_support(question)
        clock = self._clock(question, "feedback")
        with freeze_time("2026-09-28 05:01:00"):
            cron = self.env.ref("aftersales_sop.ir_cron_check_clock_breaches")
            cron.method_direct_trigger()
            self.assertEqual(clock.state, "breached")
            self.assertTrue(question.clock_breached)
        with freeze_time("2026-09-28 05:30:00"):
            question.action_result_told()
        self.assertEqual(clock.state, "breached")
        self.assertEqual(clock.stop_date, datetime(2026, 9, 28, 5, 30))
        # the limit is a record the company edits: 4 hours, the same delay is met
        self.env.ref("aftersales_sop.aftersales_clock_feedback").time_limit = 4
        later = self._escalated()
        self._answer_by_support(later)
        with freeze_time("2026-09-28 05:30:00"):
            later.action_result_told()
        self.assertEqual(self._clock(later, "feedback").state, "met")

    # -- the answer on the spot -----------------------------------------------------

    def test_a_question_answered_on_the_spot_has_no_feedback_clock(self):
        for inquiry_class in ("a", "c", "d"):
            question = self._question(inquiry_class, urgency="normal")
            question.result_note = ANSWER
            question.action_question_answered()
            self.assertEqual(question.solved_date, datetime(2026, 9, 28, 2, 0))
            self.assertEqual(question.result_told_date, question.solved_date)
            self.assertEqual(question.consultation_state, "answered")
            self.assertFalse(self._clock(question, "feedback"), inquiry_class)
            self.assertFalse(self._clock(question, "escalation"))
            on_the_spot = self.env["helpdesk.ticket"].search(
                [
                    ("id", "=", question.id),
                    ("consultation_state", "=", "answered"),
                    ("escalated_date", "=", False),
                ]
            )
            self.assertEqual(on_the_spot, question)
        # a repair request tells its result from the repair steps
        repair = self._create_repair(result_note="Fixed.")
        with self.assertRaises(UserError):
            repair.action_question_answered()
        self.assertFalse(repair.consultation_state)
        self.assertFalse(repair.solved_date)

    def test_a_consultation_closed_without_an_answer(self):
        question = self._question("d", urgency="normal")
        done = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        question.stage_id = done
        self.assertEqual(question.consultation_state, "closed")

    # -- the customer's rating of the answer ---------------------------------------

    def test_the_agent_records_the_rating_given_on_the_call(self):
        question = self._question()
        with self.assertRaises(UserError):
            question.action_rate_answer()  # nothing to rate yet
        question.result_note = ANSWER
        question.action_question_answered()
        self.assertFalse(question.customer_rating)
        action = question.with_user(self.agent).action_rate_answer()
        Survey = (
            self.env["aftersales.survey"]
            .with_user(self.agent)
            .with_context(**action["context"])
        )
        with Form(Survey, view=action["views"][0][0]) as answer:
            self.assertEqual(answer.kind, "consultation")
            with self.assertRaises(AssertionError):
                answer.score_attitude = "5"  # the six dimensions are not asked
            answer.overall_score = "8"
            answer.comment = "Clear, and it works."
        survey = answer.record
        survey.action_record_answer()
        self.assertEqual(survey.state, "done")
        self.assertEqual(survey.method, "phone")
        self.assertEqual(survey.user_id, self.agent)
        self.assertEqual(survey.ticket_id, question)
        self.assertEqual(question.customer_rating, "8")
        rated = self.env["helpdesk.ticket"].search(
            [("id", "=", question.id), ("customer_rating", "!=", False)]
        )
        self.assertEqual(rated, question)
        # a later answer is the rating the request shows
        with freeze_time("2026-09-29 02:00:00"):
            self.env["aftersales.survey"].create(
                {"ticket_id": question.id, "method": "phone", "overall_score": "10"}
            )
        self.assertEqual(question.customer_rating, "10")

    def test_a_survey_keeps_the_questions_it_answered(self):
        question = self._question()
        survey = self.env["aftersales.survey"].create(
            {"ticket_id": question.id, "method": "phone", "overall_score": "7"}
        )
        self.assertEqual(survey.kind, "consultation")
        question.inquiry_class = "b"  # the question turns out to be a fault
        self.assertEqual(survey.kind, "consultation")
        pending = self.env["aftersales.survey"].create(
            {"ticket_id": question.id, "method": "portal"}
        )
        self.assertEqual(pending.kind, "repair")
